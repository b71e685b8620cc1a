'use strict';
// Starts bench/lib/emulatorHost.cjs as a child process and talks to it (see that file for commands).

const { spawn } = require('node:child_process');
const path = require('node:path');

async function rpc(url, cmd, body = {}) {
	const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ cmd, ...body }) });
	const answer = await response.json();
	if (!answer.ok) throw new Error(`emulator host ${cmd} failed: ${answer.error}`);
	return answer.result;
}

/** Resolves to { url, rpc(cmd, body), stop() } once the host printed READY. */
function startHost({ logStream } = {}) {
	// The IPC channel only serves as a lifeline: the host exits when this process goes away.
	const child = spawn(process.execPath, [path.join(__dirname, 'emulatorHost.cjs')], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
	return new Promise((resolve, reject) => {
		let buffered = '';
		const onData = (chunk) => {
			buffered += chunk.toString('utf8');
			const match = /READY (\S+)/.exec(buffered);
			if (match) {
				child.stdout.off('data', onData);
				if (logStream) child.stdout.pipe(logStream);
				const url = match[1];
				resolve({
					url,
					pid: child.pid,
					rpc: (cmd, body) => rpc(url, cmd, body),
					stop: () =>
						new Promise((done) => {
							if (child.exitCode !== null) return done();
							child.once('exit', () => done());
							child.kill('SIGTERM');
						}),
				});
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', (chunk) => (logStream ? logStream.write(chunk) : process.stderr.write(chunk)));
		child.once('exit', (code) => reject(new Error(`emulator host exited early (code ${code})`)));
		child.once('error', reject);
	});
}

module.exports = { startHost, rpc };
