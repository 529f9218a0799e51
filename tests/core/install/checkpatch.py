#!/usr/bin/env python3
"""Checks a generated ingress patch against Istio's own definitions.

checkpatch.py helm VALUES.yaml SCHEMA.json       the gateway chart's values.schema.json accepts it
checkpatch.py operator OVERLAY.yaml TYPES.go.txt  every key path exists in IstioOperator's Go types
Prints the first problem and exits 1; exits 0 when the file passes."""
import re
import sys

import yaml


def check_helm(values_path, schema_path):
    import json
    import jsonschema
    with open(values_path) as f:
        values = yaml.safe_load(f)
    with open(schema_path) as f:
        schema = json.load(f)
    jsonschema.validate(values, schema)


# Kubernetes types the overlay reaches below KubernetesResources.service (k8s.io/api core/v1).
K8S = {
    "corev1.ServiceSpec": {"ports": "[]ServicePort", "type": "string", "selector": "map"},
    "ServicePort": {"name": "string", "port": "int", "targetPort": "intstr", "protocol": "string",
                    "nodePort": "int", "appProtocol": "string"},
}


def go_structs(text):
    structs = {}
    for m in re.finditer(r"^type (\w+) struct \{\n(.*?)^\}", text, re.S | re.M):
        fields, embedded = {}, []
        for line in m.group(2).splitlines():
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            f = re.match(r'(\w+)\s+(?:\*|\[\])?([\w.]+)\s+`json:"([^,"]*)', line)
            if f:
                if f.group(3) and f.group(3) != "-":
                    fields[f.group(3)] = f.group(2)
                elif f.group(2) == "TypeMeta" or f.group(1) == "metav1.TypeMeta":
                    fields.update({"apiVersion": "string", "kind": "string"})
                continue
            if re.match(r"metav1\.TypeMeta\s", line):
                fields.update({"apiVersion": "string", "kind": "string"})
            elif re.fullmatch(r"\w+", line):
                embedded.append(line)
        structs[m.group(1)] = (fields, embedded)
    return structs


def fields_of(structs, name):
    if name in K8S:
        return {k: v.lstrip("[]") for k, v in K8S[name].items()}
    if name not in structs:
        return None
    fields, embedded = structs[name]
    out = dict(fields)
    for e in embedded:
        out.update(fields_of(structs, e) or {})
    return out


def walk(structs, type_name, node, path):
    if isinstance(node, list):
        for i, item in enumerate(node):
            walk(structs, type_name, item, f"{path}[{i}]")
        return
    if not isinstance(node, dict):
        return
    fields = fields_of(structs, type_name)
    if fields is None:
        raise SystemExit(f"{path}: type {type_name} is not known")
    for key, value in node.items():
        if key not in fields:
            raise SystemExit(f"{path}.{key}: no such field in {type_name}")
        walk(structs, fields[key], value, f"{path}.{key}")


def check_operator(overlay_path, types_path):
    with open(types_path) as f:
        structs = go_structs(f.read())
    with open(overlay_path) as f:
        overlay = yaml.safe_load(f)
    if overlay.get("apiVersion") != "install.istio.io/v1alpha1" or overlay.get("kind") != "IstioOperator":
        raise SystemExit("not an install.istio.io/v1alpha1 IstioOperator")
    walk(structs, "IstioOperator", overlay, "")


if __name__ == "__main__":
    kind, document, reference = sys.argv[1:4]
    try:
        (check_helm if kind == "helm" else check_operator)(document, reference)
    except Exception as e:  # jsonschema.ValidationError and friends
        print(f"{document}: {e}")
        sys.exit(1)
