#!/usr/bin/env python3
"""Checks rendered CultureHealth manifests without a cluster (kubectl's own validation needs an API server).

Usage: kubectl kustomize overlays/production | validate.py production
Reads the multi-document YAML on stdin and fails (exit 1) listing every rule a document breaks: the shape
every object needs, and the operational promises of docs/operations.md (probes, limits, non-root, an HPA and
a PodDisruptionBudget per Deployment, migrations that exit, quorum queues in production).
"""
import pathlib
import subprocess
import sys
import yaml

overlay = sys.argv[1] if len(sys.argv) > 1 else "?"
docs = [d for d in yaml.safe_load_all(sys.stdin) if d]
problems = []


def fail(obj, message):
    problems.append(f"{obj.get('kind', '?')}/{obj.get('metadata', {}).get('name', '?')}: {message}")


def by_kind(kind):
    return {d["metadata"]["name"]: d for d in docs if d.get("kind") == kind}


def env_names(container):
    return {e["name"]: e for e in container.get("env", [])}


for d in docs:
    if not d.get("apiVersion") or not d.get("kind") or not d.get("metadata", {}).get("name"):
        fail(d, "needs apiVersion, kind and metadata.name")
    elif d["kind"] != "Namespace" and not d["metadata"].get("namespace"):
        fail(d, "has no namespace (the overlay must set one)")


def check_pod(owner, spec, long_running):
    if not spec.get("securityContext", {}).get("runAsNonRoot"):
        fail(owner, "pod must run as non-root")
    for c in spec.get("containers", []):
        sc = c.get("securityContext", {})
        if sc.get("allowPrivilegeEscalation") is not False or "ALL" not in sc.get("capabilities", {}).get("drop", []):
            fail(owner, f"container {c['name']} must drop all capabilities and privilege escalation")
        res = c.get("resources", {})
        if not res.get("requests", {}).get("cpu") or not res.get("requests", {}).get("memory") or not res.get("limits", {}).get("memory"):
            fail(owner, f"container {c['name']} needs cpu/memory requests and a memory limit")
        if long_running:
            if c.get("livenessProbe", {}).get("httpGet", {}).get("path") != "/health/live":
                fail(owner, "liveness probe must be /health/live")
            if c.get("readinessProbe", {}).get("httpGet", {}).get("path") != "/health/ready":
                fail(owner, "readiness probe must be /health/ready")
        if not any(e.get("configMapRef", {}).get("name") == "culturehealth-config" for e in c.get("envFrom", [])):
            fail(owner, "must read the culturehealth-config ConfigMap")


deployments = by_kind("Deployment")
services, hpas, pdbs = by_kind("Service"), by_kind("HorizontalPodAutoscaler"), by_kind("PodDisruptionBudget")
for name, dep in deployments.items():
    check_pod(dep, dep["spec"]["template"]["spec"], long_running=True)
    labels = dep["spec"]["template"]["metadata"].get("labels", {})
    if not all(labels.get(k) == v for k, v in dep["spec"]["selector"]["matchLabels"].items()):
        fail(dep, "selector does not match the pod template's labels")
    if name not in services or services[name]["spec"]["selector"] != dep["spec"]["selector"]["matchLabels"]:
        fail(dep, "needs a Service of the same name selecting its pods")
    if name not in hpas or hpas[name]["spec"]["scaleTargetRef"]["name"] != name:
        fail(dep, "needs a HorizontalPodAutoscaler")
    if name not in pdbs:
        fail(dep, "needs a PodDisruptionBudget")

# Token private keys: only the signer's pods may mount the key or be told where it is (everyone else verifies with
# the signer's JWKS); no workload may carry a signing secret in its env. Staff tokens: admin; patient tokens: patients.
SIGNERS = {"StaffAuth": ("admin", "culturehealth-staff-signing-key"), "PatientAuth": ("patients", "culturehealth-patients-signing-key")}
for section, (signer, secret_name) in SIGNERS.items():
    for kind, objs in (("Deployment", deployments), ("Job", by_kind("Job"))):
        for name, obj in objs.items():
            spec = obj["spec"]["template"]["spec"]
            mounts_key = any(v.get("secret", {}).get("secretName") == secret_name for v in spec.get("volumes", []))
            signing_env = [e["name"] for c in spec.get("containers", []) for e in c.get("env", []) if e["name"].startswith(f"{section}__SigningKeys")]
            if (mounts_key or signing_env) and not (kind == "Deployment" and name == signer):
                fail(obj, f"only the {signer} Deployment may hold the {section} signing key")
            if any(e["name"].endswith("__Secret") and e["name"].startswith(section) for c in spec.get("containers", []) for e in c.get("env", [])):
                fail(obj, f"{section} tokens are signed with an asymmetric key, not a shared secret")
    if deployments and signer in deployments:
        signer_spec = deployments[signer]["spec"]["template"]["spec"]
        if not any(v.get("secret", {}).get("secretName") == secret_name for v in signer_spec.get("volumes", [])):
            fail(deployments[signer], f"{signer} must mount the {secret_name} Secret")

# Patient tokens: booking, shop and content verify them (credits, "me" endpoints, the data export of docs/patients.md)
# with the patients service's JWKS, read from the shared ConfigMap every Deployment loads (checked above).
PATIENT_TOKEN_VERIFIERS = ("booking", "shop", "content")
config = by_kind("ConfigMap").get("culturehealth-config")
if config is not None and any(name in deployments for name in PATIENT_TOKEN_VERIFIERS):
    if not config.get("data", {}).get("PatientAuth__JwksUrl", "").endswith("/.well-known/jwks.json"):
        fail(config, f"PatientAuth__JwksUrl must name the patients service's JWKS: {', '.join(PATIENT_TOKEN_VERIFIERS)} verify patient tokens with it")

# One secret must not open everything (issue 20): each service's pods (Deployment and migration Job) read only
# their own database and broker credentials, every service in deploy/service-access.txt has its own LOGIN role
# owning its database and its own broker user with exactly the permissions deploy/rabbitmq-permissions.sh gives it.
DEPLOY = pathlib.Path(__file__).resolve().parent.parent
ACCESS = [line.split() for line in (DEPLOY / "service-access.txt").read_text().splitlines()
          if line.strip() and not line.lstrip().startswith("#")]
OPERATOR_SECRETS = {"culturehealth-pg-app", "culturehealth-pg-superuser", "culturehealth-rabbitmq-default-user"}


def own_secrets(service):
    return {f"culturehealth-pg-{service}", f"culturehealth-rabbitmq-{service}-user-credentials"}


all_service_secrets = set().union(*(own_secrets(row[0]) for row in ACCESS)) if ACCESS else set()
for kind, objs in (("Deployment", deployments), ("Job", by_kind("Job"))):
    for name, obj in objs.items():
        service = obj["spec"]["template"]["metadata"].get("labels", {}).get("app.kubernetes.io/name", name)
        spec = obj["spec"]["template"]["spec"]
        refs = {e["valueFrom"]["secretKeyRef"]["name"] for c in spec.get("containers", []) + spec.get("initContainers", [])
                for e in c.get("env", []) if "secretKeyRef" in e.get("valueFrom", {})}
        refs |= {e["secretRef"]["name"] for c in spec.get("containers", []) for e in c.get("envFrom", []) if "secretRef" in e}
        refs |= {v["secret"]["secretName"] for v in spec.get("volumes", []) if "secret" in v}
        for ref in sorted(refs & OPERATOR_SECRETS):
            fail(obj, f"reads the operators' secret {ref}: a service connects with its own role and broker user")
        for ref in sorted((refs & all_service_secrets) - own_secrets(service)):
            fail(obj, f"reads {ref}, another service's credentials")
        for c in spec.get("containers", []):
            env = env_names(c)
            for key, e in env.items():
                if key.startswith("ConnectionStrings__") and key != "ConnectionStrings__rabbitmq" and "value" in e:
                    if f"Database={service};" not in e["value"] + ";" or "Username=$(PG_USER)" not in e["value"]:
                        fail(obj, f"{key} must open its own database ({service}) as its own role")

if by_kind("Cluster"):
    pg_cluster = by_kind("Cluster").get("culturehealth-pg", {})
    roles = {r["name"]: r for r in pg_cluster.get("spec", {}).get("managed", {}).get("roles", [])}
    databases = {d["spec"]["name"]: d for d in by_kind("Database").values()}
    users, permissions = by_kind("User"), by_kind("Permission")
    hba = pg_cluster.get("spec", {}).get("postgresql", {}).get("pg_hba", [])
    if "host sameuser all all scram-sha-256" not in hba or "host all all all reject" not in hba:
        fail(pg_cluster, "pg_hba must let a role reach only the database of its own name (sameuser, then reject)")
    for service, database, publishes, consumes in ACCESS:
        if database == "yes":
            role = roles.get(service)
            if not role or not role.get("login") or role.get("passwordSecret", {}).get("name") != f"culturehealth-pg-{service}" \
                    or any(role.get(flag) for flag in ("superuser", "createdb", "createrole", "replication", "bypassrls")) or role.get("inRoles"):
                fail(pg_cluster, f"managed.roles needs a plain LOGIN role {service} with passwordSecret culturehealth-pg-{service}")
            if databases.get(service, {}).get("spec", {}).get("owner") != service:
                problems.append(f"Database {service} must exist, owned by role {service}")
        user = users.get(f"culturehealth-rabbitmq-{service}")
        permission = permissions.get(f"culturehealth-rabbitmq-{service}")
        if not user or user["spec"].get("tags"):
            problems.append(f"RabbitMQ User culturehealth-rabbitmq-{service} (no tags) is missing")
        expected = subprocess.run(["sh", str(DEPLOY / "rabbitmq-permissions.sh"), service, publishes, consumes],
                                  check=True, capture_output=True, text=True).stdout.splitlines()
        if not permission or permission["spec"].get("userReference", {}).get("name") != f"culturehealth-rabbitmq-{service}" \
                or [permission["spec"]["permissions"].get(k) for k in ("configure", "write", "read")] != expected:
            problems.append(f"RabbitMQ Permission culturehealth-rabbitmq-{service} must be what deploy/rabbitmq-permissions.sh gives it")

jobs = by_kind("Job")
for name, job in jobs.items():
    spec = job["spec"]["template"]["spec"]
    check_pod(job, spec, long_running=False)
    env = env_names(spec["containers"][0])
    if env.get("Database__MigrateAndExit", {}).get("value") != "true":
        fail(job, "a migration job must set Database__MigrateAndExit=true")

config = by_kind("ConfigMap").get("culturehealth-config")
if deployments:
    if not config:
        problems.append("ConfigMap culturehealth-config is missing")
    elif config["data"].get("Database__MigrateOnStartup") != "false":
        fail(config, "replicas must not migrate on start-up (the Jobs do)")
    elif not config["data"].get("Gateway__TrustedNetworks__0"):
        fail(config, "the gateway must know the ingress network (Gateway__TrustedNetworks__0), or every client shares one rate limit")
    # Services that accept patient tokens (AddPatientAuthentication) verify them with the patients service's JWKS.
    PATIENT_TOKEN_VERIFIERS = ("booking", "shop")
    if config and any(v in deployments for v in PATIENT_TOKEN_VERIFIERS):
        jwks = config["data"].get("PatientAuth__JwksUrl", "")
        if not jwks.startswith("http://patients:") or not jwks.endswith("/.well-known/jwks.json"):
            fail(config, "PatientAuth__JwksUrl must point at the patients service's /.well-known/jwks.json (booking and shop verify patient tokens with it)")
        for verifier in PATIENT_TOKEN_VERIFIERS:
            dep = deployments.get(verifier)
            overridden = dep and any(e["name"] == "PatientAuth__JwksUrl" for c in dep["spec"]["template"]["spec"]["containers"] for e in c.get("env", []))
            if dep and overridden:
                fail(dep, "takes PatientAuth__JwksUrl from the ConfigMap, like every patient-token verifier")
    ingresses = by_kind("Ingress")
    if "gateway" not in ingresses:
        problems.append("the gateway needs an Ingress")
    else:
        # The public entry must not publish /metrics. It sends every path to the gateway (the website lives at /),
        # so the gateway, and the website it forwards unknown paths to, must serve /metrics on another port only.
        for rule in ingresses["gateway"]["spec"].get("rules", []):
            for path in rule.get("http", {}).get("paths", []):
                p = path.get("path", "/")
                publishes_metrics = p == "/" or "/metrics".startswith(p.rstrip("/") + "/") or p.startswith("/metrics")
                if publishes_metrics:
                    for behind in ("gateway", "storefront"):
                        dep = deployments.get(behind)
                        container = dep["spec"]["template"]["spec"]["containers"][0] if dep else {}
                        port = env_names(container).get("Metrics__Port", {}).get("value")
                        annotations = dep["spec"]["template"]["metadata"].get("annotations", {}) if dep else {}
                        if not port or port == "8080" or annotations.get("prometheus.io/port") != port:
                            fail(ingresses["gateway"], f"the Ingress path {p} would expose {behind}'s /metrics: set Metrics__Port to an internal port and scrape that")
    rabbit = by_kind("RabbitmqCluster").get("culturehealth-rabbitmq")
    pg = by_kind("Cluster").get("culturehealth-pg")
    if not rabbit or not pg:
        problems.append("RabbitmqCluster culturehealth-rabbitmq and CloudNativePG Cluster culturehealth-pg are required")
    if overlay == "production" and config and rabbit and pg:
        if config["data"].get("Messaging__QuorumQueues") != "true" or rabbit["spec"].get("replicas") != 3:
            fail(rabbit, "production runs three RabbitMQ nodes with quorum queues")
        if pg["spec"].get("instances", 1) < 3 or "backup" not in pg["spec"]:
            fail(pg, "production runs three PostgreSQL instances with backups")
        if not ingresses["gateway"]["spec"].get("tls"):
            fail(ingresses["gateway"], "production serves TLS")
        for name, dep in deployments.items():
            if hpas.get(name, {}).get("spec", {}).get("minReplicas", 0) < 2:
                fail(dep, "production keeps at least two replicas")
elif not jobs:
    problems.append("nothing rendered")

if problems:
    print(f"[check] k8s {overlay}: " + "\n[check] ".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"[check] k8s {overlay}: {len(docs)} objects, {len(deployments)} deployments, {len(jobs)} migration jobs valid")
