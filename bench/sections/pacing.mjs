// Section 5: the kernel's pacing in real time against the emulators' real limits. The jobs wait far
// more than they compute, so they run side by side (each in its own process, against its own
// emulator host) while the other sections run; together they use a few % of one core.

import { startHost } from '../lib/hostClient.cjs';
import { inProcess } from '../lib/processes.mjs';

export async function pacingSection(config, say) {
	const host = await startHost();
	try {
		say(`5. pacing in real time (alongside the other sections): ${config.pacing.map(({ provider, items }) => `${provider} ${items} items`).join(', ')}`);
		return await Promise.all(config.pacing.map(async (job) => await inProcess(host.url, 'pacing', job)));
	} finally {
		await host.stop();
	}
}
