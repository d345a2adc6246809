#!/usr/bin/env python3
"""Checks rendered CultureHealth manifests without a cluster (kubectl's own validation needs an API server).

Usage: kubectl kustomize overlays/production | validate.py production
Reads the multi-document YAML on stdin and fails (exit 1) listing every rule a document breaks: the shape
every object needs, and the operational promises of docs/operations.md (probes, limits, non-root, an HPA and
a PodDisruptionBudget per Deployment, migrations that exit, quorum queues in production).
"""
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

# The staff-token private key: only admin's pods may mount it or be told where it is (everyone else verifies with
# admin's JWKS); no workload may carry a signing secret in its env.
for kind, objs in (("Deployment", deployments), ("Job", by_kind("Job"))):
    for name, obj in objs.items():
        spec = obj["spec"]["template"]["spec"]
        mounts_key = any(v.get("secret", {}).get("secretName") == "culturehealth-staff-signing-key" for v in spec.get("volumes", []))
        signing_env = [e["name"] for c in spec.get("containers", []) for e in c.get("env", []) if e["name"].startswith("StaffAuth__SigningKeys")]
        if (mounts_key or signing_env) and not (kind == "Deployment" and name == "admin"):
            fail(obj, "only admin's Deployment may hold the staff signing key")
        if any(e["name"].endswith("__Secret") and e["name"].startswith("StaffAuth") for c in spec.get("containers", []) for e in c.get("env", [])):
            fail(obj, "staff tokens are signed with an asymmetric key, not a shared secret")
if deployments and "admin" in deployments:
    admin_spec = deployments["admin"]["spec"]["template"]["spec"]
    if not any(v.get("secret", {}).get("secretName") == "culturehealth-staff-signing-key" for v in admin_spec.get("volumes", [])):
        fail(deployments["admin"], "admin must mount the culturehealth-staff-signing-key Secret")

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
