// Validates Kubernetes manifests against the Kubernetes API's OpenAPI schemas, offline (kubernetes-models).
// Reads manifests on stdin (multi-document YAML as `helm template` prints, or a JSON array); prints a JSON array of
// {kind, name, errors} with one entry per manifest, and exits with 1 when any manifest has errors.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

async function errorsOf(manifest) {
  const { apiVersion, kind } = manifest ?? {};
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    return ["apiVersion and kind must be strings"];
  }
  let models;
  try {
    models = await import(`kubernetes-models/${apiVersion}`);
  } catch {
    return [`unknown apiVersion ${apiVersion}`];
  }
  const Model = models[kind];
  if (typeof Model !== "function") {
    return [`unknown kind ${kind} in ${apiVersion}`];
  }
  try {
    new Model(manifest).validate();
    return [];
  } catch (error) {
    return String(error.message).split(", ");
  }
}

const manifests = parseAllDocuments(readFileSync(0, "utf8"))
  .flatMap((document) => {
    if (document.errors.length > 0) {
      throw new Error(`not YAML: ${document.errors[0].message}`);
    }
    return [document.toJS()].flat();
  })
  .filter((manifest) => manifest != null);
const results = [];
for (const manifest of manifests) {
  results.push({ kind: manifest?.kind ?? null, name: manifest?.metadata?.name ?? null, errors: await errorsOf(manifest) });
}
process.stdout.write(JSON.stringify(results));
process.exitCode = results.some((result) => result.errors.length > 0) ? 1 : 0;
