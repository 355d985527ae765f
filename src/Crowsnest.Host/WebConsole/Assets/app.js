import { h, replace } from './dom.js';
import { api } from './api.js';

// Every page of the console: its path under /console/, its title and its module.
export const pages = [
  ['overview', 'Overview'],
  ['clients', 'Chat clients'],
  ['configurations', 'Configurations'],
  ['deliveries', 'Deliveries'],
  ['inbox', 'Inbox'],
  ['preview', 'Event preview'],
  ['audit', 'Audit log'],
  ['aliases', 'Actions and aliases'],
  ['keys', 'API keys'],
];
const open = { 'sign-in': 'Sign in', setup: 'Set up' };

async function start() {
  const name = location.pathname.replace(/^\/console\/?/, '').split('/')[0] || 'overview';
  const main = document.getElementById('main');
  const known = pages.find(([path]) => path === name);
  const title = known?.[1] ?? open[name] ?? 'Not found';
  document.title = `${title} · Crowsnest console`;
  if (known) showNav(name);
  const module = await import(`./pages/${name}.js`);
  replace(main, h('h1', {}, title));
  await module.render(main, new URLSearchParams(location.search));
}

function showNav(current) {
  const nav = document.getElementById('nav');
  replace(nav, h('ul', {}, pages.map(([path, title]) =>
    h('li', {}, h('a', { href: `/console/${path}`, 'aria-current': path === current ? 'page' : null }, title)))));
  nav.hidden = false;
  const signOut = document.getElementById('sign-out');
  signOut.hidden = false;
  signOut.addEventListener('click', async () => {
    await api('/console/api/sign-out');
    location.assign('/console/sign-in?signed-out=1');
  });
}

start().catch(error => {
  const main = document.getElementById('main');
  replace(main, h('h1', {}, 'Something went wrong'), h('p', { role: 'alert' }, error.message));
});
