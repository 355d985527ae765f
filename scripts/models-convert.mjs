// Converts npm aws-sdk apis/*.min.json + *.paginators.json into one compact JSON per AWS CLI service name,
// plus index.json (CLI name -> file, endpoint prefix, signing name, protocol). Run by scripts/models.
import fs from 'node:fs';
import path from 'node:path';

const [apis, out, source] = process.argv.slice(2);

// botocore data directory names that are not serviceId lower-cased with spaces -> '-'
// (checked against botocore 1.43.11's data directory).
const cliNames = {
  'Migration Hub': 'mgh', 'API Gateway': 'apigateway', 'Application Auto Scaling': 'application-autoscaling',
  'App Mesh': 'appmesh', 'Auto Scaling': 'autoscaling', 'Auto Scaling Plans': 'autoscaling-plans', 'Cost Explorer': 'ce',
  'CloudHSM V2': 'cloudhsmv2', 'CloudSearch Domain': 'cloudsearchdomain', 'Cognito Identity Provider': 'cognito-idp',
  'Config Service': 'config', 'Cost and Usage Report Service': 'cur', 'Data Pipeline': 'datapipeline',
  'Device Farm': 'devicefarm', 'Direct Connect': 'directconnect', 'Application Discovery Service': 'discovery',
  'Database Migration Service': 'dms', 'Directory Service': 'ds', 'Elastic Beanstalk': 'elasticbeanstalk',
  'Elastic Load Balancing': 'elb', 'Elastic Load Balancing v2': 'elbv2',
  'Marketplace Entitlement Service': 'marketplace-entitlement', 'Elasticsearch Service': 'es', 'EventBridge': 'events',
  'Global Accelerator': 'globalaccelerator', 'IoT Data Plane': 'iot-data', 'IoT Jobs Data Plane': 'iot-jobs-data',
  'IoT Events': 'iotevents', 'IoT Events Data': 'iotevents-data', 'IoT Wireless': 'iotwireless',
  'Kinesis Analytics': 'kinesisanalytics', 'Kinesis Analytics V2': 'kinesisanalyticsv2', 'Kinesis Video': 'kinesisvideo',
  'Lex Model Building Service': 'lex-models', 'CloudWatch Logs': 'logs', 'Machine Learning': 'machinelearning',
  'Marketplace Commerce Analytics': 'marketplacecommerceanalytics', 'Marketplace Metering': 'meteringmarketplace',
  'Lex Models V2': 'lexv2-models', 'Resource Groups Tagging API': 'resourcegroupstaggingapi', 'Route 53': 'route53',
  'Route 53 Domains': 'route53domains', 'Lex Runtime Service': 'lex-runtime', 'Lex Runtime V2': 'lexv2-runtime',
  'S3 Control': 's3control', 'SimpleDB': 'sdb', 'Secrets Manager': 'secretsmanager',
  'ServerlessApplicationRepository': 'serverlessrepo', 'Service Catalog': 'servicecatalog',
  'Service Catalog AppRegistry': 'servicecatalog-appregistry', 'SFN': 'stepfunctions',
  'Storage Gateway': 'storagegateway', 'DynamoDB Streams': 'dynamodbstreams',
  // The AWS CLI gives the name `s3` to its high-level commands and calls the API `s3api`.
  'S3': 's3api',
  // Superseded by EventBridge (same endpoint prefix); botocore no longer ships it.
  'CloudWatch Events': null,
};
const protocolPreference = ['json', 'rest-json', 'rest-xml', 'query', 'ec2'];
const dropKeys = new Set(['documentation', 'documentationUrl', 'deprecatedMessage', 'examples']);

// botocore's paginators-1.sdk-extras.json (non_aggregate_keys: which non-list keys a paginated result keeps),
// which the npm package does not carry; extracted once from botocore 1.43.11 into scripts/paginator-extras.json.
const extras = JSON.parse(fs.readFileSync(new URL('./paginator-extras.json', import.meta.url), 'utf8'));

const latest = new Map();
for (const file of fs.readdirSync(apis)) {
  const m = /^(.+)-(\d{4}-\d{2}-\d{2})\.min\.json$/.exec(file);
  if (!m) continue;
  const [, prefix, version] = m;
  if (!latest.has(prefix) || latest.get(prefix).version < version) latest.set(prefix, { version, file });
}

const strip = (node) => {
  if (Array.isArray(node)) return node.map(strip);
  if (node && typeof node === 'object') {
    const copy = {};
    for (const [k, v] of Object.entries(node)) if (!dropKeys.has(k)) copy[k] = strip(v);
    return copy;
  }
  return node;
};

const services = {};
const taken = new Set(Object.values(cliNames).filter(Boolean));
const candidates = [...latest.entries()].sort(([a], [b]) => a.localeCompare(b));
for (const [prefix, { version, file }] of candidates) {
  const model = JSON.parse(fs.readFileSync(path.join(apis, file), 'utf8'));
  const md = model.metadata;
  const sid = md.serviceId ?? md.serviceAbbreviation ?? prefix;
  let cli = Object.hasOwn(cliNames, sid) ? cliNames[sid] : sid.toLowerCase().replace(/ /g, '-');
  if (cli === null) continue;
  if (!Object.hasOwn(cliNames, sid) && taken.has(cli)) continue;
  taken.add(cli);
  const offered = md.protocols ?? [md.protocol];
  const protocol = protocolPreference.find((p) => offered.includes(p));
  if (!protocol) continue;
  const pagFile = path.join(apis, `${prefix}-${version}.paginators.json`);
  const paginators = fs.existsSync(pagFile) ? JSON.parse(fs.readFileSync(pagFile, 'utf8')).pagination ?? {} : {};
  for (const [op, keys] of Object.entries(extras[cli === 's3api' ? 's3' : cli] ?? {})) {
    if (paginators[op]) paginators[op].non_aggregate_keys = keys;
  }
  const metadata = {
    apiVersion: md.apiVersion, endpointPrefix: md.endpointPrefix, signingName: md.signingName ?? md.endpointPrefix,
    serviceId: sid, protocol, jsonVersion: md.jsonVersion, targetPrefix: md.targetPrefix,
    xmlNamespace: md.xmlNamespace, globalEndpoint: md.globalEndpoint, awsQueryCompatible: md.awsQueryCompatible,
  };
  const compact = { metadata, operations: strip(model.operations), shapes: strip(model.shapes ?? {}), paginators };
  fs.writeFileSync(path.join(out, `${cli}.json`), JSON.stringify(compact));
  services[cli] = { file: `${cli}.json`, serviceId: sid, endpointPrefix: md.endpointPrefix, protocol };
}
fs.writeFileSync(path.join(out, 'index.json'), JSON.stringify({ source, services }));
