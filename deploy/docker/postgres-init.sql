-- One database per service; no service reads another's tables.
CREATE DATABASE content;
CREATE DATABASE shop;
CREATE DATABASE booking;
CREATE DATABASE admin;
CREATE DATABASE notifications;
CREATE DATABASE backoffice;
