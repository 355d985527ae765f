// Overlays enum values from botocore's service models onto models/generated (the npm aws-sdk models have none).
// Usage: node scripts/models-enums.mjs <models/generated> <botocore data dir> <label, e.g. botocore@1.43.11>. Run by scripts/models.
// The minified npm shapes are renamed (S1, S2, ...) or inlined, so shapes are matched by walking each operation's
// input in both models member by member; an enum goes on the inline member, or on a shared shape when every use agrees.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [out, data, label] = process.argv.slice(2);
const index = JSON.parse(fs.readFileSync(path.join(out, 'index.json'), 'utf8'));

const readModel = (dir) => {
  const plain = path.join(dir, 'service-2.json');
  if (fs.existsSync(plain)) return JSON.parse(fs.readFileSync(plain, 'utf8'));
  const packed = `${plain}.gz`;
  return fs.existsSync(packed) ? JSON.parse(zlib.gunzipSync(fs.readFileSync(packed)).toString('utf8')) : null;
};

// botocore names its data directories as the AWS CLI names services, except that the CLI's s3api is botocore's s3.
const botocoreModel = (cli, apiVersion) => {
  const dir = path.join(data, cli === 's3api' ? 's3' : cli);
  if (!fs.existsSync(dir)) return null;
  const versions = fs.readdirSync(dir).filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v)).sort();
  const version = versions.includes(apiVersion) ? apiVersion : versions.at(-1);
  return version ? readModel(path.join(dir, version)) : null;
};

// The npm models carry no enums, so any found are an earlier overlay's: start again from none.
const stripEnums = (node) => {
  if (Array.isArray(node)) node.forEach(stripEnums);
  else if (node && typeof node === 'object') {
    delete node.enum;
    Object.values(node).forEach(stripEnums);
  }
};

const sameList = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);

const overlay = (model, boto) => {
  let added = 0;
  const conflicted = new Set();
  const seen = new Set();
  const walk = (node, botoName) => {
    const botoShape = boto.shapes[botoName];
    if (!node || !botoShape) return;
    const shared = node.shape;
    if (shared) {
      const key = `${shared}|${botoName}`;
      if (seen.has(key)) return;
      seen.add(key);
    }
    const def = shared ? model.shapes[shared] : node;
    if (!def) return;
    const type = def.type ?? 'string';
    if (botoShape.enum && type === 'string') {
      if (!def.enum) {
        if (!conflicted.has(shared)) {
          def.enum = [...botoShape.enum];
          added++;
        }
      } else if (!sameList(def.enum, botoShape.enum)) {
        // A shared shape used by members with different enums: keep none rather than a wrong list.
        delete def.enum;
        conflicted.add(shared);
      }
      return;
    }
    if (type === 'structure' && def.members && botoShape.members) {
      for (const [name, member] of Object.entries(def.members)) {
        if (botoShape.members[name]) walk(member, botoShape.members[name].shape);
      }
    } else if (type === 'list' && botoShape.member) {
      walk(def.member, botoShape.member.shape);
    } else if (type === 'map') {
      if (botoShape.key) walk(def.key, botoShape.key.shape);
      if (botoShape.value) walk(def.value, botoShape.value.shape);
    }
  };
  for (const [name, op] of Object.entries(model.operations)) {
    const botoOp = boto.operations?.[name];
    if (op.input && botoOp?.input?.shape) walk(op.input, botoOp.input.shape);
  }
  return added;
};

let services = 0;
let enums = 0;
for (const [cli, entry] of Object.entries(index.services)) {
  const file = path.join(out, entry.file);
  const model = JSON.parse(fs.readFileSync(file, 'utf8'));
  const boto = botocoreModel(cli, model.metadata.apiVersion);
  const before = JSON.stringify(model);
  stripEnums(model);
  const added = boto ? overlay(model, boto) : 0;
  const after = JSON.stringify(model);
  if (after !== before) fs.writeFileSync(file, after);
  if (added > 0) {
    services++;
    enums += added;
  }
}
index.enums = label;
fs.writeFileSync(path.join(out, 'index.json'), JSON.stringify(index));
console.log(`scripts/models: enum values from ${label}: ${enums} in ${services} services`);
