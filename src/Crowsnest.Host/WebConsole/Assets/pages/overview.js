import { h, table } from '../dom.js';
import { api } from '../api.js';

export async function render(main) {
  const o = await api('/crowsnest/get-overview');
  const figure = (label, value, href) => h('div', { class: 'figure' }, h('span', { class: 'value' }, String(value)), ' ', href ? h('a', { href }, label) : h('span', {}, label));
  main.append(
    h('section', { 'aria-labelledby': 'figures' }, h('h2', { id: 'figures' }, 'At a glance'),
      h('div', { class: 'figures' },
        figure('dead letters', o.DeadLetters, '/console/deliveries?state=Dead'),
        figure('unrecognised events (24 h)', o.UnrecognizedLastDay),
        figure('pending SNS subscriptions', o.PendingSubscriptions),
        figure('deliveries waiting', (o.Deliveries.Pending ?? 0) + (o.Deliveries.Leased ?? 0), '/console/deliveries?state=Pending'))),
    h('section', { 'aria-labelledby': 'events' }, h('h2', { id: 'events' }, 'Events by type'),
      h('div', { class: 'columns' },
        table('Last hour', ['Event type', 'Count'], o.EventsLastHour.map(e => [e.EventType, String(e.Count)]), 'No events in the last hour.'),
        table('Last 24 hours', ['Event type', 'Count'], o.EventsLastDay.map(e => [e.EventType, String(e.Count)]), 'No events in the last 24 hours.'))),
    h('section', { 'aria-labelledby': 'states' }, h('h2', { id: 'states' }, 'Deliveries by state'),
      table('Deliveries by state', ['State', 'Count'], Object.entries(o.Deliveries).map(([state, count]) =>
        [h('a', { href: `/console/deliveries?state=${state}` }, state), String(count)]))));
}
