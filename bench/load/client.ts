/**
 * The load process: one run against one server. Started by run.ts with an IPC channel, separate
 * from the server's process so the two do not share an event loop. Phases, each reported to the
 * orchestrator as it begins: connect N watchers → connect W writers → warm up at the rate →
 * steady window (measured) → drain (wait for stragglers, bounded) → result. Every phase is bounded
 * in time, and a watchdog ends the process if the whole run overstays.
 */
import { now, sleep } from './clock';
import { Ledger } from './ledger';
import type { FromLoad, LoadPlan, LoadResult, Target, ToLoad } from './messages';
import { percentiles } from '../metrics/stats';
import { Watchers, baseUrl, dialectFor, socketUrl } from './watchers';
import { Writers } from './writers';

const SETTLE_MS = 300;

function send(message: FromLoad): Promise<void> {
	return new Promise((resolve) => (process.send ? process.send(message, undefined, {}, () => resolve()) : resolve()));
}

function countCodes(codes: (number | null)[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const code of codes) if (code !== null) counts[code] = (counts[code] ?? 0) + 1;
	return counts;
}

async function run(target: Target, plan: LoadPlan): Promise<LoadResult> {
	const capacity = Math.ceil((plan.rate * (plan.warmupMs + plan.steadyMs)) / 1000) + 100;
	const ledger = new Ledger(capacity);
	const watchers = new Watchers(target, plan, ledger);
	// Every update is made up front, before any clock starts (see writers.ts).
	// In a cluster run the writers are split over the nodes too, so changes cross in both directions.
	const writerUrl = (name: string, index: number) => socketUrl(target, name, baseUrl(target, index, plan.writers));
	const writers = new Writers(plan.writers, writerUrl, dialectFor(target), ledger, plan.connectTimeoutMs);
	try {
		const connectSeconds = await watchers.connect();
		await writers.connect();
		await sleep(SETTLE_MS);
		await send({ type: 'connected' });

		await writers.run(plan.rate, plan.warmupMs);
		ledger.startSteady();
		const firstMeasured = ledger.sent;
		await send({ type: 'steady-start' });
		const cpuBefore = process.cpuUsage();
		const framesBefore = watchers.lightFrames();
		const steadyStarted = now();
		await writers.run(plan.rate, plan.steadyMs);
		const steadySeconds = (now() - steadyStarted) / 1000;
		const cpu = process.cpuUsage(cpuBefore);
		const steadyFrames = watchers.lightFrames() - framesBefore;
		await send({ type: 'steady-end' });

		const drainStarted = now();
		while (!ledger.complete() && now() - drainStarted < plan.drainMs) await sleep(10);
		const drainMs = now() - drainStarted;

		const summary = ledger.summarise();
		const closes = countCodes([...watchers.closeCodes(), ...writers.closes]);
		return {
			connectSeconds,
			measured: summary.measured,
			achievedRate: (ledger.sent - firstMeasured) / steadySeconds,
			delivered: summary.delivered,
			probeDelivered: ledger.sent === 0 ? 0 : watchers.probeVerified() / ledger.sent,
			perReceiver: percentiles(summary.perReceiver),
			toLast: percentiles(summary.toLast),
			harnessCpu: (cpu.user + cpu.system) / 1e6 / steadySeconds,
			closes,
			framesPerWatcherSecond: watchers.lights.length === 0 ? 0 : steadyFrames / watchers.lights.length / steadySeconds,
			drainMs
		};
	} finally {
		writers.close();
		watchers.close();
	}
}

process.on('message', (message: ToLoad) => {
	if (message.type !== 'start') return;
	const { target, plan } = message;
	const budgetMs = plan.connectTimeoutMs * 2 + plan.warmupMs + plan.steadyMs + plan.drainMs + 30_000;
	setTimeout(() => {
		void send({ type: 'error', message: `load process overstayed its ${budgetMs} ms budget` }).then(() => process.exit(2));
	}, budgetMs).unref();
	run(target, plan)
		.then((result) => send({ type: 'result', result }))
		.catch((error: Error) => send({ type: 'error', message: error.message }))
		.finally(() => process.exit(0));
});
// The orchestrator going away ends the run.
process.on('disconnect', () => process.exit(1));
void send({ type: 'ready' });
