import { createServer } from 'http';
import type { AddressInfo } from 'net';
import type { IDataObject } from 'n8n-workflow';

import { NexudusTrigger } from '../../nodes/Nexudus/NexudusTrigger.node';
import { useNexudus } from './setup';

const SECRET = 'hook-secret-for-tests';

describe('Nexudus Trigger (webhook)', () => {
	const nexudus = useNexudus({ sharedSecret: SECRET });

	it('registers one webhook per event on activation, finds them, and removes them on deactivation', async () => {
		const business = Number(nexudus.emulator.state.businesses[0].Id);
		const trigger = nexudus.harness.trigger({ parameters: { businessId: business, events: [3, 2], sharedSecret: SECRET }, credentials: { nexudusApi: nexudus.credentialId } }, new NexudusTrigger());
		const node = new NexudusTrigger();
		expect(await node.webhookMethods.default.checkExists.call(trigger.hook())).toBe(false);
		expect(await node.webhookMethods.default.create.call(trigger.hook())).toBe(true);
		const hooks = nexudus.emulator.state.webhooks.filter((hook) => String(hook.Name).startsWith('n8n'));
		expect(hooks.map((hook) => hook.Action).sort()).toEqual([2, 3]);
		expect(hooks.every((hook) => String(hook.URL).includes('/webhook/'))).toBe(true);
		expect(await node.webhookMethods.default.checkExists.call(trigger.hook())).toBe(true);
		expect(await node.webhookMethods.default.delete.call(trigger.hook())).toBe(true);
		expect(nexudus.emulator.state.webhooks.filter((hook) => String(hook.Name).startsWith('n8n'))).toHaveLength(0);
	});

	it('accepts a delivery signed by the emulator and rejects tampered or unsigned ones with 401 and no item', async () => {
		const received: Array<{ raw: Buffer; headers: IDataObject }> = [];
		const receiver = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				received.push({ raw: Buffer.concat(chunks), headers: req.headers as IDataObject });
				res.end('ok');
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		try {
			const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
			const business = Number(nexudus.emulator.state.businesses[0].Id);
			const [hook] = await nexudus.json({ resource: 'webhook', operation: 'create', BusinessId: business, Name: 'receiver', Action: 3, URL: url });
			const coworker = nexudus.emulator.state.coworkers[0];
			const deliver = async (extra: Record<string, unknown>) =>
				await fetch(`${nexudus.emulator.url}/__emulator/nexudus/webhooks/deliver`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ webhookId: hook.Id, recordId: coworker.Id, ...extra }) });
			await deliver({});
			await deliver({ tamper: true });
			expect(received).toHaveLength(2);
			const trigger = nexudus.harness.trigger({ parameters: { businessId: business, events: [3], sharedSecret: SECRET }, credentials: { nexudusApi: nexudus.credentialId } }, new NexudusTrigger());
			const asRequest = ({ raw, headers }: { raw: Buffer; headers: IDataObject }) => ({ body: JSON.parse(raw.toString()), rawBody: raw, headers });
			const good = await trigger.deliver(asRequest(received[0]));
			expect(good.result.workflowData?.[0].map((item) => item.json.Id)).toEqual([coworker.Id]);
			const tampered = await trigger.deliver(asRequest(received[1]));
			expect(tampered.result.workflowData).toBeUndefined();
			expect(tampered.response.statusCode).toBe(401);
			const unsigned = await trigger.deliver({ body: JSON.parse(received[0].raw.toString()), rawBody: received[0].raw, headers: {} });
			expect(unsigned.response.statusCode).toBe(401);
			expect(unsigned.result.workflowData).toBeUndefined();
		} finally {
			await new Promise<void>((resolve) => receiver.close(() => resolve()));
		}
	});
});
