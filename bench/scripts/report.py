#!/usr/bin/env python3
"""Turns bench/run-all's JSON result lines into bench/RESULTS.md: the machine, the commands, every figure with
min/median/max over the repeated runs, and PASS/FAIL (or NOT AVAILABLE) per goal with the reason."""
import argparse, json, statistics, datetime

ORDER = ['ingest', 'e2e', 'peer', 'storm', 'commands', 'kills', 'outages', 'two-instances', 'store', 'fuzz']
TITLES = {
    'ingest': 'Ingest: signed SNS notifications → durable (vs a bare Kestrel endpoint)',
    'e2e': 'End to end: SNS POST → Slack emulator receipt across 1,000 channels',
    'peer': 'Side by side: Prometheus Alertmanager vs Crowsnest, webhook deliveries to an equal sink',
    'storm': 'Storm: GuardDuty findings to one Slack channel',
    'commands': 'Commands: a read-only command from Slack event to reply (vs the AWS CLI, against moto)',
    'kills': 'Kills: SIGKILL at random points during load, restart each time',
    'outages': 'Outages: emulators failing 30 % of calls plus a 30-second outage',
    'two-instances': 'Two instances on one PostgreSQL, one killed mid-run',
    'store': 'Store trouble: database unavailable, disk full',
    'fuzz': 'Fuzzing (time-boxed, property-based)',
}

def fmt(v):
    if v is None:
        return '—'
    if abs(v) >= 100:
        return f'{v:,.0f}'
    if abs(v) >= 10:
        return f'{v:.1f}'
    return f'{v:.2f}'

def main():
    p = argparse.ArgumentParser()
    p.add_argument('--machine', required=True)
    p.add_argument('--results', required=True, action='append', help='JSON lines from bench/Crowsnest.LoadTest (repeatable)')
    p.add_argument('--size', required=True)
    p.add_argument('--command', required=True)
    a = p.parse_args()
    machine = json.load(open(a.machine))
    lines = [json.loads(l) for f in a.results for l in open(f) if l.strip()]
    by = {}
    for r in lines:
        by.setdefault(r['scenario'], []).append(r)
    out = []
    w = out.append
    now = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')
    w('# Crowsnest: benchmark and reliability results\n')
    w(f'Written by `{a.command.strip()}` (size `{a.size}`) on {now}. Regenerate with `bench/run-all` '
      '(`--quick` for a smoke run); see bench/README.md for what each run does.\n')
    w('## Machine\n')
    la = ', '.join(f'{x:.2f}' for x in machine['load_average_at_start'])
    w(f"- {machine['cores']} cores ({machine['cpu']}), {machine['memory_gib']} GiB memory, {machine['os']} (kernel {machine['kernel']}), .NET SDK {machine['dotnet']}")
    w(f'- load average at start (1, 5, 15 min): {la} — the load generator, the emulators and the servers share these cores\n')
    w('## Goals\n')
    w('| run | goal | result | reason |')
    w('|---|---|---|---|')
    for name in ORDER + sorted(set(by) - set(ORDER)):
        goals = {}
        for r in by.get(name, []):
            for g in r['goals']:
                goals.setdefault(g['goal'], []).append((r['run'], g))
        if name not in by:
            w(f'| {name} | — | NOT RUN | not selected in this run (`--only`) |')
            continue
        for goal, items in goals.items():
            states = [g['pass'] for _, g in items]
            result = 'NOT AVAILABLE' if all(s is None for s in states) else ('FAIL' if any(s is False for s in states) else 'PASS')
            reasons = '; '.join((f'run {run}: ' if len(items) > 1 else '') + g['reason'].replace('|', '/').replace('\n', ' ') for run, g in items)
            w(f'| {name} | {goal} | **{result}** | {reasons} |')
    w('')
    for name in ORDER + sorted(set(by) - set(ORDER)):
        runs = by.get(name)
        if not runs:
            continue
        w(f'## {TITLES.get(name, name)}\n')
        names = []
        for r in runs:
            for k in r['figures']:
                if k not in names:
                    names.append(k)
        if names:
            w(f'{len(runs)} run(s).\n')
            w('| figure | min | median | max | unit |')
            w('|---|---|---|---|---|')
            for k in names:
                vals = [r['figures'][k]['value'] for r in runs if k in r['figures'] and r['figures'][k]['value'] is not None]
                unit = next(r['figures'][k]['unit'] for r in runs if k in r['figures'])
                if vals:
                    w(f'| {k} | {fmt(min(vals))} | {fmt(statistics.median(vals))} | {fmt(max(vals))} | {unit} |')
                else:
                    w(f'| {k} | — | — | — | {unit} |')
            w('')
        notes = []
        for r in runs:
            for n in r['notes']:
                text = (f'run {r["run"]}: ' if len(runs) > 1 else '') + n
                if text not in notes:
                    notes.append(text)
        for n in notes:
            w(f'- {n}')
        if notes:
            w('')
    print('\n'.join(out))

main()
