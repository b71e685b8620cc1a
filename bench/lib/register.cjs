'use strict';
// Lets plain Node `require()` the TypeScript sources (nodes/, credentials/, test/harness/, bench/):
// each .ts file is transpiled on load with the project's compiler options, without type-checking
// (`npm run typecheck` does that). No new dependency: TypeScript is already a dev dependency.
// Transpiled files are cached under bench/results/.ts-cache (keyed by path, size and mtime), so the
// measured processes usually do not even load the compiler.
// Also applies test/harness/env.js (N8N_USER_FOLDER, silent n8n logs), as the jest setup does.

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const cacheDir = path.join(root, 'bench', 'results', '.ts-cache');
require(path.join(root, 'test', 'harness', 'env.js'));

let ts;
function transpile(source, filename) {
	ts ??= require('typescript');
	const compilerOptions = {
		module: ts.ModuleKind.CommonJS,
		target: ts.ScriptTarget.ES2021,
		esModuleInterop: true,
		resolveJsonModule: true,
		useUnknownInCatchVariables: false,
		isolatedModules: true,
		inlineSourceMap: true,
	};
	return ts.transpileModule(source, { compilerOptions, fileName: filename }).outputText;
}

function compileTypeScript(module, filename) {
	const stat = fs.statSync(filename);
	const key = crypto.createHash('sha1').update(`${filename}|${stat.size}|${stat.mtimeMs}`).digest('hex');
	const cached = path.join(cacheDir, `${key}.js`);
	let output;
	try {
		output = fs.readFileSync(cached, 'utf8');
	} catch {
		output = transpile(fs.readFileSync(filename, 'utf8'), filename);
		fs.mkdirSync(cacheDir, { recursive: true });
		fs.writeFileSync(`${cached}.${process.pid}`, output);
		fs.renameSync(`${cached}.${process.pid}`, cached);
	}
	module._compile(output, filename);
}

// Resolve `./Foo.node` to Foo.node.ts before the codex file Foo.node.json (jest's order: js, ts, json, node).
const extensions = require('node:module')._extensions;
const others = Object.entries(extensions).filter(([ext]) => ext !== '.js');
for (const [ext] of others) delete extensions[ext];
extensions['.ts'] = compileTypeScript;
for (const [ext, loader] of others) if (ext !== '.ts') extensions[ext] = loader;
