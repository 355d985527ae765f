import { h, replace, table, status } from '../dom.js';
import { api } from '../api.js';
import { field, errorSummary, showErrors, clearErrors } from '../forms.js';

// Chat clients: Slack workspaces (registered by bot token and signing secret, checked live with auth.test),
// Teams teams, Chime webhooks and generic webhooks.
export async function render(main) {
  const result = h('p', { class: 'status', role: 'status' });
  const slack = h('section', { 'aria-labelledby': 'slack' });
  const others = h('section', { 'aria-labelledby': 'others' });
  const load = async () => {
    const [workspaces, teams, chime, webhooks] = await Promise.all([
      api('/describe-slack-workspaces', { MaxResults: 100 }),
      api('/list-ms-teams-configured-teams', { MaxResults: 100 }),
      api('/describe-chime-webhook-configurations', { MaxResults: 100 }),
      api('/crowsnest/list-channel-configurations', { TargetType: 'webhook' }),
    ]);
    replace(slack, h('h2', { id: 'slack' }, 'Slack workspaces'),
      table('Slack workspaces', ['Team id', 'Name', 'State', 'Check'], (workspaces.SlackWorkspaces ?? []).map(w => [
        w.SlackTeamId, w.SlackTeamName, w.State ?? '—', checkButton(w.SlackTeamId)]), 'No Slack workspace registered.'));
    replace(others, h('h2', { id: 'others' }, 'Teams, Chime and webhooks'),
      table('Microsoft Teams teams', ['Team', 'Tenant', 'Name'], (teams.ConfiguredTeams ?? []).map(t => [t.TeamId, t.TenantId, t.TeamName ?? '—']), 'No Microsoft Teams team configured.'),
      table('Amazon Chime webhooks', ['Configuration', 'Description', 'State'], (chime.WebhookConfigurations ?? []).map(c => [c.ConfigurationName ?? c.ChatConfigurationArn, c.WebhookDescription, c.State ?? '—']), 'No Chime webhook configured.'),
      table('Generic webhooks', ['Configuration', 'Description', 'State'], (webhooks.ChannelConfigurations ?? []).map(c => [c.ConfigurationName, c.WebhookDescription ?? '—', c.State]), 'No generic webhook configured.'),
      h('p', { class: 'hint' }, 'Teams, Chime and webhook targets are added as configurations.'));
  };
  const checkButton = teamId => h('button', { type: 'button', class: 'secondary', 'aria-label': `Check ${teamId} with Slack`, onclick: async () => {
    try {
      const answer = await api('/crowsnest/check-slack-workspace', { SlackTeamId: teamId });
      status(result, `${teamId}: ${answer.Ok ? 'auth.test succeeded' : 'auth.test failed'}${answer.Detail ? ` (${answer.Detail})` : ''}.`, answer.Ok ? 'ok' : 'bad');
    } catch (error) {
      status(result, `${teamId}: ${error.message}`, 'bad');
    }
  } }, 'Check with Slack');
  const form = h('form', { class: 'card narrow', novalidate: true },
    h('h2', {}, 'Register a Slack workspace'),
    errorSummary(),
    field({ label: 'Team id', name: 'SlackTeamId', path: 'slackTeamId', hint: 'T0123ABCD' }),
    field({ label: 'Team name', name: 'SlackTeamName', path: 'slackTeamName' }),
    field({ label: 'Bot token (kept secret)', name: 'BotToken', path: 'botToken', type: 'password', autocomplete: 'off', hint: 'xoxb-…' }),
    field({ label: 'Signing secret (kept secret)', name: 'SigningSecret', path: 'signingSecret', type: 'password', autocomplete: 'off' }),
    h('button', { type: 'submit' }, 'Register'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form);
    try {
      const answer = await api('/crowsnest/register-slack-workspace', {
        SlackTeamId: form.SlackTeamId.value, SlackTeamName: form.SlackTeamName.value, BotToken: form.BotToken.value, SigningSecret: form.SigningSecret.value,
      });
      status(result, `Registered ${answer.SlackWorkspace.SlackTeamId}.`);
      form.reset();
      await load();
    } catch (error) {
      showErrors(form, error);
    }
  });
  main.append(result, slack, form, others);
  await load();
}
