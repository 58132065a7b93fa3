// Validates every object of the rendered manifests named on the command line against the JSON schemas of
// Kubernetes 1.34 (kubernetes-models) and of the Gateway API (@kubernetes-models/gateway-api).
//
// Prints one line per object: "valid", "invalid" (with the schema's complaints) or "skipped" (a custom resource in
// SKIPPED, which has no published model). Exits 1 when an object is invalid or of a kind that has no model and is
// not in SKIPPED, 2 on a usage or read error. Unknown fields are not caught by these schemas: deploy-validation's
// Java tests check those with the fabric8 model.
import { readFileSync } from "node:fs";
import yaml from "js-yaml";

// Custom resources without a model on npm. Their fields are checked by deploy-validation's Java policy tests.
const SKIPPED = new Set([
  "postgresql.cnpg.io/v1 Cluster",
  "gateway.envoyproxy.io/v1alpha1 BackendTrafficPolicy",
]);

const PACKAGE_OF_GROUP = {
  "gateway.networking.k8s.io": "@kubernetes-models/gateway-api",
};

async function modelOf(apiVersion, kind) {
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  const pkg = PACKAGE_OF_GROUP[group] ?? "kubernetes-models";
  const specifier = group ? `${pkg}/${group}/${version}` : `${pkg}/${version}`;
  try {
    const module = await import(specifier);
    return module[kind];
  } catch (e) {
    if (e.code === "ERR_PACKAGE_PATH_NOT_EXPORTED" || e.code === "ERR_MODULE_NOT_FOUND") {
      return undefined;
    }
    throw e;
  }
}

function describe(object) {
  return `${object.apiVersion} ${object.kind} ${object.metadata?.name ?? "(no name)"}`;
}

async function check(file) {
  let failed = false;
  const objects = yaml.loadAll(readFileSync(file, "utf8")).filter((object) => object != null);
  for (const object of objects) {
    if (typeof object.apiVersion !== "string" || typeof object.kind !== "string") {
      console.log(`invalid ${file}: an object without apiVersion or kind`);
      failed = true;
      continue;
    }
    const type = `${object.apiVersion} ${object.kind}`;
    const Model = await modelOf(object.apiVersion, object.kind);
    if (Model === undefined) {
      if (SKIPPED.has(type)) {
        console.log(`skipped ${file}: ${describe(object)} (no schema published)`);
      } else {
        console.log(`invalid ${file}: ${describe(object)}: no schema for this kind`);
        failed = true;
      }
      continue;
    }
    try {
      new Model(object).validate();
      console.log(`valid ${file}: ${describe(object)}`);
    } catch (e) {
      const details = (e.errors ?? []).map((error) => `${error.instancePath} ${error.message}`).join("; ");
      console.log(`invalid ${file}: ${describe(object)}: ${details || e.message}`);
      failed = true;
    }
  }
  return !failed;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate.mjs <rendered.yaml>...");
  process.exit(2);
}
let allValid = true;
for (const file of files) {
  allValid = (await check(file)) && allValid;
}
process.exit(allValid ? 0 : 1);
