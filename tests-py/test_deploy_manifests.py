"""The deployment files under deploy/ (docs/deploy.md): every manifest parses and has the fields a
cluster requires, the names that tie them together agree (selector and labels, Service and
container port, HPA and Deployment, probes and the API's routes), and the flags the Dockerfile, the
Deployment and the CronJob pass to `vectordb` exist — checked with the real binary, which also
starts with the image's command line and the ConfigMap's configuration."""

from __future__ import annotations

import json
import pathlib
import re
import shlex
import subprocess
import tomllib

import pytest
import requests
import yaml

from serve_process import ServeProcess

REPO = pathlib.Path(__file__).resolve().parent.parent
DEPLOY = REPO / "deploy"
OPENAPI = REPO / "Sources" / "QueryService" / "openapi.yaml"
CONFIG = REPO / "config" / "vectordb.toml"

# Where the Dockerfile puts what the manifests name.
IMAGE_CONFIG = "/etc/vectordb/vectordb.toml"
IMAGE_DATA = "/var/lib/vectordb"
IMAGE_MODEL = "/opt/vectordb/models/all-MiniLM-L6-v2"
IMAGE_REPO_DIRS = {"/opt/vectordb/pipelines/": REPO / "pipelines", "/opt/vectordb/config/": REPO / "config"}


def manifest_files() -> list[pathlib.Path]:
    return sorted(p for p in DEPLOY.rglob("*") if p.suffix in (".yaml", ".yml"))


def documents(path: pathlib.Path) -> list[dict]:
    with path.open() as f:
        return [d for d in yaml.safe_load_all(f) if d is not None]


def all_documents() -> list[tuple[pathlib.Path, dict]]:
    return [(p, d) for p in manifest_files() for d in documents(p)]


def kubernetes_objects(kind: str) -> list[dict]:
    return [d for _, d in all_documents() if d.get("kind") == kind and "apiVersion" in d]


def only(kind: str, api_prefix: str = "") -> dict:
    found = [d for d in kubernetes_objects(kind) if d["apiVersion"].startswith(api_prefix)]
    assert len(found) == 1, f"expected one {kind} ({api_prefix}), found {len(found)}"
    return found[0]


def configmap(name: str = "vectordb-config") -> dict:
    (found,) = [d for d in kubernetes_objects("ConfigMap") if d["metadata"]["name"] == name]
    return found


def default_port() -> int:
    with CONFIG.open("rb") as f:
        return tomllib.load(f)["server"]["port"]


def api_paths() -> set[str]:
    with OPENAPI.open() as f:
        return set(yaml.safe_load(f)["paths"])


def public_paths() -> set[str]:
    """Routes the OpenAPI document marks `security: []` (no key needed): what a probe may call."""
    with OPENAPI.open() as f:
        paths = yaml.safe_load(f)["paths"]
    return {p for p, ops in paths.items() if ops.get("get", {}).get("security") == []}


def help_text(vectordb: str, subcommand: str) -> str:
    result = subprocess.run([vectordb, subcommand, "--help"], capture_output=True, text=True, check=True)
    return result.stdout


def flags_of(args: list[str]) -> list[str]:
    return [a.split("=", 1)[0] for a in args if a.startswith("--")]


def option_value(args: list[str], flag: str) -> str:
    index = args.index(flag)
    return args[index + 1]


def containers(pod_spec: dict) -> list[dict]:
    return pod_spec["containers"]


# --- every manifest -----------------------------------------------------------------------------


def test_deploy_has_the_files_docs_deploy_md_describes():
    names = {p.relative_to(DEPLOY).as_posix() for p in manifest_files()}
    for expected in [
        "k8s/deployment.yaml",
        "k8s/service.yaml",
        "k8s/hpa.yaml",
        "k8s/cronjob.yaml",
        "k8s/configmap.yaml",
        "k8s/secret.yaml",
        "k8s/pvc.yaml",
        "cloudrun/service.yaml",
        "azure/containerapp.yaml",
    ]:
        assert expected in names
    assert (DEPLOY / "Dockerfile").is_file()
    assert (REPO / ".dockerignore").is_file()


@pytest.mark.parametrize("path", manifest_files(), ids=lambda p: p.relative_to(DEPLOY).as_posix())
def test_every_kubernetes_object_has_api_version_kind_and_a_dns_name(path):
    docs = documents(path)
    assert docs, f"{path} holds no YAML document"
    for doc in docs:
        if path.parent.name == "azure":
            # Azure Resource Manager's shape: name, type and properties instead of kind/metadata.
            assert doc["type"] == "Microsoft.App/containerApps"
            assert re.fullmatch(r"[a-z][a-z0-9-]{0,30}[a-z0-9]", doc["name"])
            assert "template" in doc["properties"]
            continue
        assert isinstance(doc.get("apiVersion"), str) and doc["apiVersion"], path
        assert isinstance(doc.get("kind"), str) and doc["kind"], path
        name = doc["metadata"]["name"]
        assert re.fullmatch(r"[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?", name), f"{path}: '{name}' is not a DNS label"


def test_no_two_objects_of_a_kind_share_a_name():
    seen: set[tuple[str, str, str]] = set()
    for path, doc in all_documents():
        if "kind" not in doc:
            continue
        key = (doc["kind"], doc["metadata"].get("namespace", ""), doc["metadata"]["name"])
        if path.parent.name == "cloudrun":
            key = ("cloudrun",) + key[1:]
        assert key not in seen, f"{key} is defined twice"
        seen.add(key)


# --- Deployment, Service, probes ----------------------------------------------------------------


def deployment() -> dict:
    return only("Deployment", "apps/")


def test_deployment_selector_matches_its_template_labels():
    spec = deployment()["spec"]
    selector = spec["selector"]["matchLabels"]
    labels = spec["template"]["metadata"]["labels"]
    assert selector and all(labels.get(k) == v for k, v in selector.items())


def test_deployment_container_has_an_image_and_the_configured_port():
    pod = deployment()["spec"]["template"]["spec"]
    (container,) = containers(pod)
    assert re.fullmatch(r"\S+:\S+", container["image"]), "an image with a tag"
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert ports == {"http": default_port()}
    assert int(option_value(container["args"], "--port")) == default_port()


def resolve_port(port, container: dict) -> int:
    if isinstance(port, int):
        return port
    return {p["name"]: p["containerPort"] for p in container["ports"]}[port]


def test_probes_call_public_routes_on_the_container_port():
    (container,) = containers(deployment()["spec"]["template"]["spec"])
    probes = {k: container[k] for k in ("livenessProbe", "readinessProbe", "startupProbe") if k in container}
    assert {"livenessProbe", "readinessProbe"} <= probes.keys()
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    for probe in probes.values():
        assert probe["httpGet"]["path"] in public_paths(), "probes send no key: the route must be public"
        assert resolve_port(probe["httpGet"]["port"], container) == default_port()


def test_deployment_mounts_the_configmap_file_its_args_name_and_the_data_volume():
    pod = deployment()["spec"]["template"]["spec"]
    (container,) = containers(pod)
    mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
    volumes = {v["name"]: v for v in pod["volumes"]}
    assert set(mounts) <= set(volumes)
    config_volume = volumes["config"]["configMap"]
    assert config_volume["name"] == configmap()["metadata"]["name"]
    (item,) = config_volume["items"]
    assert f"{mounts['config']}/{item['path']}" == option_value(container["args"], "--config") == IMAGE_CONFIG
    assert item["key"] in configmap()["data"]
    assert mounts["data"] == option_value(container["args"], "--data-dir") == IMAGE_DATA
    claim = volumes["data"]["persistentVolumeClaim"]["claimName"]
    assert claim == only("PersistentVolumeClaim")["metadata"]["name"]


def test_pods_reference_only_the_secret_and_configmap_that_exist():
    secret = only("Secret")["metadata"]["name"]
    config = configmap()
    for pod in [deployment()["spec"]["template"]["spec"], cronjob()["spec"]["jobTemplate"]["spec"]["template"]["spec"]]:
        for container in containers(pod):
            for source in container.get("envFrom", []):
                assert source["secretRef"]["name"] == secret
            for env in container.get("env", []):
                ref = env.get("valueFrom", {}).get("configMapKeyRef")
                if ref:
                    assert ref["name"] == config["metadata"]["name"] and ref["key"] in config["data"]
                if env["name"] == "VECTORDB_MODEL_DIR":
                    assert env["value"] == IMAGE_MODEL


def test_service_selects_the_deployment_pods_and_targets_the_container_port():
    service = only("Service", "v1")
    labels = deployment()["spec"]["template"]["metadata"]["labels"]
    assert all(labels.get(k) == v for k, v in service["spec"]["selector"].items())
    (container,) = containers(deployment()["spec"]["template"]["spec"])
    (port,) = service["spec"]["ports"]
    assert resolve_port(port["targetPort"], container) == default_port()
    assert port["port"] == default_port()


# --- HPA, monitoring ----------------------------------------------------------------------------


def test_hpa_scales_the_deployment_on_cpu_and_requests_per_second():
    hpa = only("HorizontalPodAutoscaler")
    assert hpa["apiVersion"] == "autoscaling/v2"
    target = hpa["spec"]["scaleTargetRef"]
    assert (target["apiVersion"], target["kind"], target["name"]) == ("apps/v1", "Deployment", "vectordb")
    assert target["name"] == deployment()["metadata"]["name"]
    assert 1 <= hpa["spec"]["minReplicas"] <= hpa["spec"]["maxReplicas"]
    metrics = {m["type"]: m for m in hpa["spec"]["metrics"]}
    assert metrics["Resource"]["resource"]["name"] == "cpu"
    assert metrics["Pods"]["pods"]["metric"]["name"] == "vectordb_http_requests_per_second"
    (container,) = containers(deployment()["spec"]["template"]["spec"])
    assert "cpu" in container["resources"]["requests"], "a CPU utilisation target needs a CPU request"


def test_the_adapter_rule_derives_the_hpa_metric_from_a_counter_the_service_exports():
    source = (REPO / "Sources" / "QueryService" / "ServiceMetrics.swift").read_text()
    exported = set(re.findall(r'label: "(vectordb_[a-z_]+)"', source))
    adapter = yaml.safe_load(configmap("adapter-config")["data"]["config.yaml"])
    (rule,) = adapter["rules"]
    series = re.match(r"([a-z_]+)\{", rule["seriesQuery"]).group(1)
    assert series in exported
    assert re.fullmatch(rule["name"]["matches"], series)
    hpa_metric = only("HorizontalPodAutoscaler")["spec"]["metrics"]
    assert rule["name"]["as"] in {m["pods"]["metric"]["name"] for m in hpa_metric if m["type"] == "Pods"}


def test_the_servicemonitor_scrapes_metrics_with_the_secret_key_on_the_service_port():
    monitor = only("ServiceMonitor")
    (endpoint,) = monitor["spec"]["endpoints"]
    assert endpoint["path"] == "/metrics" and "/metrics" in api_paths()
    assert endpoint["port"] in {p["name"] for p in only("Service", "v1")["spec"]["ports"]}
    credentials = endpoint["authorization"]["credentials"]
    secret = only("Secret")
    assert credentials["name"] == secret["metadata"]["name"] and credentials["key"] in secret["stringData"]


# --- CronJob ------------------------------------------------------------------------------------


def cronjob() -> dict:
    return only("CronJob", "batch/")


CRON_FIELDS = [(0, 59, {}), (0, 23, {}), (1, 31, {}), (1, 12, {}), (0, 7, {})]
MONTHS = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()
DAYS = "SUN MON TUE WED THU FRI SAT".split()


def valid_cron_field(text: str, low: int, high: int, names: list[str]) -> bool:
    def value(token: str) -> int | None:
        if token.upper() in names:
            return names.index(token.upper()) + (1 if names is MONTHS else 0)
        return int(token) if token.isdigit() else None

    for part in text.split(","):
        base, _, step = part.partition("/")
        if step and (not step.isdigit() or int(step) == 0):
            return False
        if base == "*":
            continue
        first, _, last = base.partition("-")
        bounds = [value(first)] + ([value(last)] if last else [])
        if any(b is None or not low <= b <= high for b in bounds):
            return False
        if len(bounds) == 2 and bounds[0] > bounds[1]:
            return False
    return True


def valid_cron(expression: str) -> bool:
    fields = expression.split()
    if len(fields) != 5:
        return False
    names = [[], [], [], MONTHS, DAYS]
    return all(
        valid_cron_field(f, low, high, n) for f, (low, high, _), n in zip(fields, CRON_FIELDS, names, strict=True)
    )


def test_the_cron_checker_rejects_what_a_cluster_rejects():
    assert valid_cron("30 6,22 * * 1-5") and valid_cron("*/15 * * * MON-FRI") and valid_cron("0 0 1 JAN *")
    for bad in ["30 6 * *", "61 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *", "*/0 * * * *", "5-1 * * * *"]:
        assert not valid_cron(bad), bad


def test_cronjob_schedule_is_a_valid_five_field_cron_in_a_named_zone():
    spec = cronjob()["spec"]
    assert valid_cron(spec["schedule"])
    assert (pathlib.Path("/usr/share/zoneinfo") / spec["timeZone"]).exists()
    assert spec["concurrencyPolicy"] == "Forbid"
    pod = spec["jobTemplate"]["spec"]["template"]["spec"]
    assert pod["restartPolicy"] in ("Never", "OnFailure")


def test_cronjob_runs_one_tick_of_a_shipped_edgar_pipeline_into_a_tenant_directory():
    pod = cronjob()["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    (container,) = containers(pod)
    args = container["args"]
    assert args[:2] == ["schedule", "--once"]
    image_path = next(a for a in args[2:] if a.endswith(".toml"))
    prefix = next(p for p in IMAGE_REPO_DIRS if image_path.startswith(p))
    pipeline = IMAGE_REPO_DIRS[prefix] / image_path.removeprefix(prefix)
    with pipeline.open("rb") as f:
        definition = tomllib.load(f)
    assert definition["source"]["kind"] == "edgar", "vectordb schedule walks EDGAR's daily indexes"
    schema = (pipeline.parent / definition["store"]["schema"]).resolve()
    assert schema.is_relative_to(REPO / "config") and schema.exists(), "the image ships the schema it names"
    data_dir = option_value(args, "--data-dir")
    assert re.fullmatch(IMAGE_DATA + r"/tenants/[a-z0-9_-]{1,64}", data_dir)
    tenant = data_dir.rsplit("/", 1)[1]
    settings = tomllib.loads(configmap()["data"]["vectordb.toml"])
    assert tenant in {t["name"] for t in settings["tenant"]}
    mounts = {m["mountPath"] for m in container["volumeMounts"]}
    assert IMAGE_DATA in mounts
    env = {e["name"] for e in container.get("env", [])}
    assert "VECTORDB_EDGAR_USER_AGENT" in env, "the SEC requires a declared User-Agent"


def test_cronjob_args_are_real_schedule_flags(vectordb):
    text = help_text(vectordb, "schedule")
    (container,) = containers(cronjob()["spec"]["jobTemplate"]["spec"]["template"]["spec"])
    assert container["args"][0] == "schedule"
    for flag in flags_of(container["args"]):
        assert re.search(rf"(^|\s){re.escape(flag)}\b", text), f"`vectordb schedule --help` has no {flag}"


# --- serverless ---------------------------------------------------------------------------------


def test_cloud_run_scales_to_zero_and_probes_public_routes_on_its_port():
    (service,) = documents(DEPLOY / "cloudrun" / "service.yaml")
    assert service["apiVersion"] == "serving.knative.dev/v1" and service["kind"] == "Service"
    template = service["spec"]["template"]
    assert template["metadata"]["annotations"]["autoscaling.knative.dev/minScale"] == "0"
    (container,) = template["spec"]["containers"]
    (port,) = container["ports"]
    assert port["containerPort"] == default_port() == int(option_value(container["args"], "--port"))
    for kind in ("startupProbe", "livenessProbe"):
        assert container[kind]["httpGet"]["path"] in public_paths()
        assert container[kind]["httpGet"]["port"] == default_port()
    mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
    assert mounts["config"] + "/vectordb.toml" == option_value(container["args"], "--config")
    assert mounts["data"] == option_value(container["args"], "--data-dir")


def test_container_apps_scale_to_zero_and_probe_public_routes_on_the_ingress_port():
    (app,) = documents(DEPLOY / "azure" / "containerapp.yaml")
    properties = app["properties"]
    assert properties["template"]["scale"]["minReplicas"] == 0
    assert properties["configuration"]["ingress"]["targetPort"] == default_port()
    (container,) = properties["template"]["containers"]
    assert int(option_value(container["args"], "--port")) == default_port()
    probes = {p["type"]: p["httpGet"] for p in container["probes"]}
    assert probes["Liveness"]["path"] == "/healthz" and probes["Readiness"]["path"] == "/readyz"
    assert all(p["path"] in public_paths() and p["port"] == default_port() for p in probes.values())
    volumes = {v["name"] for v in properties["template"]["volumes"]}
    assert {m["volumeName"] for m in container["volumeMounts"]} <= volumes


# --- Dockerfile ---------------------------------------------------------------------------------


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    joined, current = [], ""
    for line in (DEPLOY / "Dockerfile").read_text().splitlines():
        if not current and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            current += line.rstrip()[:-1] + " "
            continue
        joined.append(current + line)
        current = ""
    result = []
    for line in joined:
        instruction, _, arguments = line.strip().partition(" ")
        result.append((instruction.upper(), arguments.strip()))
    return result


def dockerfile_stages() -> list[tuple[str, str]]:
    """(image, stage name) of every FROM, ARGs substituted."""
    args = {}
    stages = []
    for instruction, arguments in dockerfile_instructions():
        if instruction == "ARG" and "=" in arguments and not stages:
            name, _, value = arguments.partition("=")
            args[name] = value
        if instruction == "FROM":
            image, _, alias = re.sub(r"\$\{(\w+)\}", lambda m: args[m.group(1)], arguments).partition(" AS ")
            stages.append((image.strip(), alias.strip()))
    return stages


def stage_instructions(stage: str) -> list[tuple[str, str]]:
    """The instructions of one stage, its FROM first."""
    result: list[tuple[str, str]] = []
    for name, arguments in dockerfile_instructions():
        if name == "FROM":
            if result:
                return result
            if arguments.endswith(f" AS {stage}"):
                result.append((name, arguments))
        elif result:
            result.append((name, arguments))
    return result


def final_stage_instructions() -> list[tuple[str, str]]:
    return stage_instructions(dockerfile_stages()[-1][1])


def exec_form(instruction: str) -> list[str]:
    (arguments,) = [a for name, a in final_stage_instructions() if name == instruction]
    return json.loads(arguments)


def test_dockerfile_builds_on_swift_and_runs_on_bookworm_slim():
    stages = dockerfile_stages()
    names = [alias for _, alias in stages]
    assert names == ["build", "model", "runtime"]
    assert stages[0][0].startswith("swift:") and "bookworm" in stages[0][0]
    assert stages[-1][0] == "debian:bookworm-slim"
    instructions = dockerfile_instructions()
    build_runs = " ".join(a for name, a in instructions if name == "RUN")
    assert "--static-swift-stdlib" in build_runs and "-c release" in build_runs
    for name, arguments in instructions:
        if name == "COPY" and arguments.startswith("--from="):
            assert arguments.split()[0].removeprefix("--from=") in names[:-1]


def test_dockerfile_build_stage_installs_the_makefile_dev_packages():
    makefile = (REPO / "Makefile").read_text()
    packages = re.search(r"^DEBIAN_PACKAGES := (.*)$", makefile, re.M).group(1).split()
    build_run = " ".join(a for name, a in stage_instructions("build") if name == "RUN")
    for package in packages:
        assert package in build_run.split(), f"the build stage lacks {package}"


def test_dockerfile_model_stage_uses_the_makefile_pinned_download():
    runs = [a for name, a in stage_instructions("model") if name == "RUN"]
    assert any("make deps-models" in r for r in runs)
    copies = [a for name, a in dockerfile_instructions() if name == "COPY"]
    assert any(c.startswith("--from=model") and c.split()[-1] == IMAGE_MODEL for c in copies)
    envs = " ".join(a for name, a in final_stage_instructions() if name == "ENV")
    assert f"VECTORDB_MODEL_DIR={IMAGE_MODEL}" in envs


def test_dockerfile_runtime_is_non_root_and_exposes_the_configured_port():
    final = final_stage_instructions()
    (user,) = [a for name, a in final if name == "USER"]
    assert not user.startswith(("root", "0"))
    assert [a for name, a in final if name == "EXPOSE"] == [str(default_port())]
    (healthcheck,) = [a for name, a in final if name == "HEALTHCHECK"]
    assert "/healthz" in healthcheck and f"/dev/tcp/127.0.0.1/{default_port()}" in healthcheck


def test_dockerfile_ships_the_resource_bundle_beside_the_binary():
    # openapi.yaml is a SwiftPM resource, found through Bundle.module next to the executable.
    runs = " ".join(a for name, a in stage_instructions("build") if name == "RUN")
    assert "*.resources /out/bin/" in runs
    (entrypoint,) = exec_form("ENTRYPOINT")
    copies = [a for name, a in dockerfile_instructions() if name == "COPY"]
    assert f"--from=build /out/bin {pathlib.PurePosixPath(entrypoint).parent}" in copies


def test_image_command_deployment_args_and_serverless_args_agree():
    cmd = exec_form("CMD")
    (container,) = containers(deployment()["spec"]["template"]["spec"])
    assert container["args"] == cmd
    for path, key in [(DEPLOY / "cloudrun" / "service.yaml", None), (DEPLOY / "azure" / "containerapp.yaml", None)]:
        (doc,) = documents(path)
        spec = doc["spec"]["template"]["spec"] if "spec" in doc else doc["properties"]["template"]
        assert spec["containers"][0]["args"] == cmd, path


def test_image_command_flags_are_real_serve_flags(vectordb):
    text = help_text(vectordb, "serve")
    cmd = exec_form("CMD")
    assert cmd[0] == "serve"
    for flag in flags_of(cmd):
        assert re.search(rf"(^|\s){re.escape(flag)}\b", text), f"`vectordb serve --help` has no {flag}"


@pytest.fixture()
def image_like_server(vectordb, tmp_path):
    """The image's command line with the ConfigMap's configuration, on loopback and a free port."""
    config = tmp_path / "vectordb.toml"
    config.write_text(configmap()["data"]["vectordb.toml"])
    args = list(exec_form("CMD"))
    substitutes = {"--config": str(config), "--host": "127.0.0.1", "--port": "0", "--data-dir": str(tmp_path / "data")}
    for flag, value in substitutes.items():
        args[args.index(flag) + 1] = value
    args[args.index("--log-format") + 1] = "text"
    server = ServeProcess(vectordb, args, cwd=tmp_path)
    yield server
    assert server.stop() == 0, server.log()


def test_the_image_command_starts_with_the_configmap_configuration(image_like_server):
    image_like_server.wait_ready()
    assert requests.get(image_like_server.base_url + "/healthz", timeout=10).json() == {"status": "ok"}
    # The ConfigMap's placeholder hashes have no known key: nothing is authorised until replaced.
    response = requests.get(
        image_like_server.base_url + "/v1/collections", headers={"Authorization": "Bearer x"}, timeout=10
    )
    assert response.status_code == 401


def test_the_healthcheck_command_passes_against_a_live_server_and_fails_without_one(image_like_server):
    image_like_server.wait_ready()
    (healthcheck,) = [a for name, a in final_stage_instructions() if name == "HEALTHCHECK"]
    command = json.loads(healthcheck.split(" CMD ", 1)[1])
    live = [c.replace(f"/dev/tcp/127.0.0.1/{default_port()}", f"/dev/tcp/127.0.0.1/{image_like_server.port}") for c in command]
    assert subprocess.run(live, capture_output=True, timeout=30).returncode == 0
    image_like_server.stop()
    assert subprocess.run(live, capture_output=True, timeout=30).returncode != 0


def test_docs_deploy_md_names_every_deployment_file():
    text = (REPO / "docs" / "deploy.md").read_text()
    for path in [*manifest_files(), *sorted((DEPLOY / "vm").iterdir()), DEPLOY / "Dockerfile"]:
        assert path.relative_to(REPO).as_posix() in text, path
    for flag in shlex.split("vm.max_map_count transparent_hugepage read_ahead_kb nofile swappiness"):
        assert flag in text


# --- VM -----------------------------------------------------------------------------------------


def systemd_exec_start() -> list[str]:
    text = (DEPLOY / "vm" / "vectordb.service").read_text()
    (line,) = [l for l in text.splitlines() if l.startswith("ExecStart=")]
    return shlex.split(line.removeprefix("ExecStart="))


def test_systemd_unit_runs_real_serve_flags_with_the_image_paths(vectordb):
    command = systemd_exec_start()
    assert command[0] == exec_form("ENTRYPOINT")[0] and command[1] == "serve"
    text = help_text(vectordb, "serve")
    for flag in flags_of(command[1:]):
        assert re.search(rf"(^|\s){re.escape(flag)}\b", text), f"`vectordb serve --help` has no {flag}"
    assert option_value(command, "--config") == IMAGE_CONFIG
    assert option_value(command, "--data-dir") == IMAGE_DATA
    unit = (DEPLOY / "vm" / "vectordb.service").read_text()
    assert f"VECTORDB_MODEL_DIR={IMAGE_MODEL}" in unit
    assert re.search(r"^LimitNOFILE=(\d+)$", unit, re.M) and int(re.search(r"^LimitNOFILE=(\d+)$", unit, re.M)[1]) >= 65536


def test_vm_tuning_names_kernel_settings_this_kernel_has():
    for line in (DEPLOY / "vm" / "99-vectordb.conf").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = (part.strip() for part in line.partition("="))
            assert pathlib.Path("/proc/sys", *key.split(".")).exists(), key
            assert value.isdigit()
    script = (DEPLOY / "vm" / "vectordb-tuning.sh").read_text()
    for target in re.findall(r"> (/sys/kernel/\S+)", script):
        path = pathlib.Path(target)
        assert path.exists(), target
        written = re.search(rf"echo (\S+) > {re.escape(target)}", script)[1]
        assert written in path.read_text().replace("[", "").replace("]", "").split(), f"{target} has no {written}"
    assert subprocess.run(["sh", "-n", str(DEPLOY / "vm" / "vectordb-tuning.sh")]).returncode == 0
