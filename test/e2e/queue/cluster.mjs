// n8n in queue mode: one main (`n8n start`) and workers (`n8n worker --concurrency=10`), sharing one
// Postgres database, one Redis and one encryption key. Every process has its own user folder with
// the package under .n8n/nodes/node_modules (n8n's manual install route, on main and on each worker).
// Workers report which executions they ran in their logs ("Worker started execution N").

import fs from 'node:fs';
import path from 'node:path';

import { N8n, START_TIMEOUT_S, installPackage } from '../lib/n8n.mjs';
import { HOST, freePorts, http, seconds, startProcess } from '../lib/util.mjs';

export const WORKER_CONCURRENCY = 10;
const ENCRYPTION_KEY = 'e2e-queue-only-key';
const STARTED_EXECUTION = /Worker started execution (\d+)/;

function queueEnv(postgres, redis) {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		EXECUTIONS_DATA_PRUNE: 'false',
	};
}

export class QueueCluster {
	/** info: install.mjs describe(); runDir: the run folder; postgres, redis: from services.mjs. */
	constructor({ info, runDir, postgres, redis }) {
		this.runDir = runDir;
		this.postgres = postgres;
		this.info = { ...info, env: { ...info.env, ...queueEnv(postgres, redis) } };
		this.workers = new Map();
		/** execution id → worker name, from the workers' logs. */
		this.ranBy = new Map();
		this.main = undefined;
	}

	/** A process folder with the package installed, and an N8n for its environment and CLI. */
	async prepareProcess(name, extraEnv = {}) {
		const [port, brokerPort] = await freePorts(2);
		const info = { ...this.info, env: { ...this.info.env, ...extraEnv } };
		const n8n = new N8n(info, { runDir: path.join(this.runDir, name), port, brokerPort, encryptionKey: ENCRYPTION_KEY });
		fs.mkdirSync(n8n.runDir, { recursive: true });
		installPackage(n8n.userFolder);
		return n8n;
	}

	/** The main process object (not started): imports run through its CLI before it starts. */
	async createMain() {
		this.main = await this.prepareProcess('main');
		return this.main;
	}

	/** Starts `n8n start` and waits for its readiness (lib/n8n.mjs); returns the seconds it took. */
	async startMain() {
		return await this.main.start();
	}

	/**
	 * Starts a worker and waits until its health server says it is ready: n8n 2.40.7 answers
	 * /healthz/readiness 200 once the database is migrated, Redis is connected and the worker
	 * listens to the queue (QUEUE_HEALTH_CHECK_ACTIVE). Same deadline as a main start.
	 */
	async startWorker(name) {
		const [healthPort] = await freePorts(1);
		const n8n = await this.prepareProcess(name, { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort), N8N_WORKER_SERVER_ADDRESS: HOST });
		const worker = { name, n8n, healthUrl: `http://${HOST}:${healthPort}/healthz/readiness`, ran: [] };
		n8n.startedAt = Date.now();
		n8n.startDeadline = n8n.startedAt + START_TIMEOUT_S * 1000;
		n8n.process = startProcess(this.info.node, [this.info.n8nMain, 'worker', `--concurrency=${WORKER_CONCURRENCY}`], {
			env: n8n.env(),
			logFile: n8n.logFile,
			onLine: (line) => {
				const match = STARTED_EXECUTION.exec(line);
				if (!match) return;
				this.ranBy.set(match[1], name);
				worker.ran.push(match[1]);
			},
		});
		this.workers.set(name, worker);
		await n8n
			.waitUntil(`worker ${name}: GET ${worker.healthUrl} to answer 200`, n8n.startDeadline, async () => {
				const response = await http('GET', worker.healthUrl, { timeoutMs: 5_000 }).catch((error) => ({ error }));
				if (response.error) return { seen: response.error.cause?.code || response.error.message };
				return response.status === 200 ? { value: true } : { seen: `HTTP ${response.status} ${response.text.slice(0, 80)}` };
			})
			.catch((error) => {
				throw new Error(`${error.message}\n--- last lines of ${n8n.logFile} ---\n${n8n.logTail(30)}`);
			});
		n8n.ready = true;
		return Number(seconds(n8n.startedAt));
	}

	/** Stops a worker with SIGTERM: n8n lets its running executions finish first. */
	async stopWorker(name) {
		const worker = this.workers.get(name);
		if (!worker) return;
		await worker.n8n.process.stop(60_000);
		this.workers.delete(name);
	}

	async stop() {
		for (const name of [...this.workers.keys()]) await this.stopWorker(name).catch(() => undefined);
		if (this.main) await this.main.stop().catch(() => undefined);
	}

	/** Executions of a workflow with an id above `afterId`: [{ id, status }]. */
	async executionsOf(workflowId, afterId = 0) {
		const rows = await this.postgres.psql(`SELECT id, status FROM execution_entity WHERE "workflowId" = '${workflowId}' AND id > ${Number(afterId)} ORDER BY id`);
		return rows.map(([id, status]) => ({ id: Number(id), status }));
	}

	async lastExecutionId() {
		const [[max]] = await this.postgres.psql('SELECT coalesce(max(id), 0) FROM execution_entity');
		return Number(max);
	}

	/** How many of these executions each worker ran (from the workers' logs), e.g. { 'worker-1': 103, 'worker-2': 97 }. */
	workerShare(executionIds) {
		const share = {};
		for (const id of executionIds) {
			const name = this.ranBy.get(String(id)) ?? 'not seen in a worker log';
			share[name] = (share[name] ?? 0) + 1;
		}
		return share;
	}
}

export const isFinished = (status) => !['new', 'running', 'waiting', 'unknown'].includes(status);
