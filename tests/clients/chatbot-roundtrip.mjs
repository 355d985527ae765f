// Drives a running crowsnest with the official AWS SDK for JavaScript v3 Chatbot client.
// Environment: CROWSNEST_ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (Crowsnest-issued), CROWSNEST_PREFIX.
// Prints one JSON line with what it saw; exits non-zero with the reason on the first failed expectation.
import {
  ChatbotClient,
  CreateSlackChannelConfigurationCommand,
  UpdateSlackChannelConfigurationCommand,
  DeleteSlackChannelConfigurationCommand,
  CreateChimeWebhookConfigurationCommand,
  UpdateChimeWebhookConfigurationCommand,
  DeleteChimeWebhookConfigurationCommand,
  DescribeChimeWebhookConfigurationsCommand,
  InvalidParameterException,
  ResourceNotFoundException,
  paginateDescribeSlackChannelConfigurations,
} from "@aws-sdk/client-chatbot";

const endpoint = process.env.CROWSNEST_ENDPOINT;
const prefix = process.env.CROWSNEST_PREFIX ?? "js";
const client = new ChatbotClient({ endpoint, region: "us-east-2", maxAttempts: 1 });
const role = "arn:aws:iam::123456789012:role/chatbot-channel";
const topic = (name) => `arn:aws:sns:us-east-1:123456789012:${name}`;
const chimeUrl = "https://hooks.chime.aws/incomingwebhooks/a1b2c3-d4e5?token=SecretChimeToken123";

function expect(condition, message) {
  if (!condition) {
    console.error(`expectation failed: ${message}`);
    process.exit(1);
  }
}

const seen = {};
const names = ["a", "b", "c"].map((s) => `${prefix}-slack-${s}`);
const arns = [];
for (const name of names) {
  const out = await client.send(new CreateSlackChannelConfigurationCommand({
    SlackTeamId: "T0123ABCD", SlackChannelId: "C0123ABCD", SlackChannelName: "ops", ConfigurationName: name,
    IamRoleArn: role, SnsTopicArns: [topic("alarms")], LoggingLevel: "INFO", Tags: [{ TagKey: "team", TagValue: "ops" }],
  }));
  expect(out.ChannelConfiguration.ConfigurationName === name, "create returns the configuration");
  expect(out.ChannelConfiguration.ChatConfigurationArn.endsWith(`:chat-configuration/slack-channel/${name}`), "slack ARN form");
  arns.push(out.ChannelConfiguration.ChatConfigurationArn);
}

const pages = [];
for await (const page of paginateDescribeSlackChannelConfigurations({ client, pageSize: 2 }, {})) {
  pages.push(page.SlackChannelConfigurations.map((c) => c.ConfigurationName));
}
const listed = pages.flat().filter((n) => n.startsWith(`${prefix}-slack-`));
expect(pages.length >= 2, `describe paginated in pages of 2 (got ${pages.length} pages)`);
expect(listed.length === 3, `all three listed (got ${listed.join(",")})`);
seen.slackPages = pages.length;

const updated = await client.send(new UpdateSlackChannelConfigurationCommand({
  ChatConfigurationArn: arns[0], SlackChannelId: "C0999ZZZZ", SnsTopicArns: [topic("alarms"), topic("deploys")], LoggingLevel: "ERROR",
}));
expect(updated.ChannelConfiguration.SlackChannelId === "C0999ZZZZ", "update changes the channel");
expect(updated.ChannelConfiguration.SnsTopicArns.length === 2, "update changes the topics");
expect(updated.ChannelConfiguration.LoggingLevel === "ERROR", "update changes the logging level");
expect(updated.ChannelConfiguration.Tags?.[0]?.TagKey === "team", "tags kept");

try {
  await client.send(new CreateSlackChannelConfigurationCommand({
    SlackTeamId: "T0123ABCD", SlackChannelId: "C0123ABCD", ConfigurationName: "bad name!", IamRoleArn: role,
  }));
  expect(false, "an invalid name is refused");
} catch (e) {
  expect(e instanceof InvalidParameterException, `validation error is InvalidParameterException (got ${e.name})`);
  expect(e.$metadata.httpStatusCode === 400, "validation error is HTTP 400");
  expect(/configurationName/.test(e.message), "the message names the field");
  seen.validation = e.name;
}

try {
  await client.send(new DeleteSlackChannelConfigurationCommand({ ChatConfigurationArn: arns[0] + "-missing" }));
  expect(false, "deleting a missing configuration fails");
} catch (e) {
  expect(e instanceof ResourceNotFoundException, `not found is ResourceNotFoundException (got ${e.name})`);
  expect(e.$metadata.httpStatusCode === 404, "not found is HTTP 404");
  seen.notFound = e.name;
}

const chimeName = `${prefix}-chime`;
const chime = await client.send(new CreateChimeWebhookConfigurationCommand({
  WebhookDescription: "ops room", WebhookUrl: chimeUrl, SnsTopicArns: [topic("alarms")], IamRoleArn: role, ConfigurationName: chimeName,
}));
const chimeArn = chime.WebhookConfiguration.ChatConfigurationArn;
expect(chimeArn.endsWith(`:chat-configuration/chime-webhook/${chimeName}`), "chime ARN form");
expect(!JSON.stringify(chime).includes("SecretChimeToken123"), "the webhook URL is never returned");
await client.send(new UpdateChimeWebhookConfigurationCommand({ ChatConfigurationArn: chimeArn, WebhookDescription: "ops room 2" }));
const chimes = await client.send(new DescribeChimeWebhookConfigurationsCommand({ ChatConfigurationArn: chimeArn, MaxResults: 10 }));
expect(chimes.WebhookConfigurations.length === 1 && chimes.WebhookConfigurations[0].WebhookDescription === "ops room 2", "chime update visible");
expect(!JSON.stringify(chimes).includes("SecretChimeToken123"), "the webhook URL is never described");
await client.send(new DeleteChimeWebhookConfigurationCommand({ ChatConfigurationArn: chimeArn }));
const afterChime = await client.send(new DescribeChimeWebhookConfigurationsCommand({ ChatConfigurationArn: chimeArn }));
expect(afterChime.WebhookConfigurations.length === 0, "chime deleted");

for (const arn of arns) {
  await client.send(new DeleteSlackChannelConfigurationCommand({ ChatConfigurationArn: arn }));
}
let remaining = 0;
for await (const page of paginateDescribeSlackChannelConfigurations({ client }, {})) {
  remaining += page.SlackChannelConfigurations.filter((c) => c.ConfigurationName.startsWith(`${prefix}-slack-`)).length;
}
expect(remaining === 0, "slack configurations deleted");
console.log(JSON.stringify({ ok: true, ...seen }));
