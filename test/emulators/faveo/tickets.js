'use strict';
// Ticket writes and single-ticket reads.

const { ok, htmlString, fieldErrors, formRequestErrors, businessError, caught, reply, modelNotFound, validate, isBlank } = require('./laravel');

const TICKET_FILE = 'app/Http/Controllers/Agent/helpdesk/TicketController.php';
// The PHP notice for a property read on null differs between PHP 7 (v1.9.6) and PHP 8 (v2.x).
const nullProperty = (r, prop) => (r.config.version === '1.9' ? 'Trying to get property of non-object' : `Attempt to read property "${prop}" on null`);
const foreignKeyError = (table, column, target) =>
	`SQLSTATE[23000]: Integrity constraint violation: 1452 Cannot add or update a child row: a foreign key constraint fails (\`faveo\`.\`${table}\`, CONSTRAINT \`${table}_${column}_foreign\` FOREIGN KEY (\`${column}\`) REFERENCES \`${target}\` (\`id\`))`;
const ticketExists = (r) => (id) => Boolean(r.store.findTicket(id));

function checkFields(r, rules) {
	const errors = validate(r.params, rules, r.config.version);
	if (errors) throw fieldErrors(errors); // HTTP 200
}

// POST create — FormRequest: validation is a 422.
async function create(r) {
	const { params, store, config } = r;
	const rules = { email: ['required', 'email', ['max', 60]], first_name: ['required', ['between', 3, 40]], subject: ['required', ['min', 5]], body: ['required', ['min', 10]], helptopic: ['required'], sla: ['required'], priority: ['required'] };
	if (config.requireMobile) Object.assign(rules, { code: ['required'], mobile: ['required'] });
	const errors = validate(params, rules, config.version);
	if (errors) return formRequestErrors(errors);
	// Unknown ids are not validated: they fail deeper and come back as caught exceptions (harsher choice).
	const topic = store.findHelpTopic(params.helptopic);
	if (!topic) return caught(nullProperty(r, 'department'), TICKET_FILE, 2284);
	if (!store.findSla(params.sla)) return caught(foreignKeyError('tickets', 'sla', 'sla_plan'), TICKET_FILE, 2361);
	if (!store.findPriority(params.priority)) return caught(foreignKeyError('tickets', 'priority_id', 'ticket_priority'), TICKET_FILE, 2361);

	// A new email registers a customer and mails them.
	let requester = store.findUserByEmail(params.email);
	if (!requester) {
		const email = String(params.email).trim();
		requester = store.createUser({ user_name: email, email, first_name: String(params.first_name), last_name: String(params.last_name ?? ''), phone_number: String(params.phone ?? ''), mobile: params.mobile ?? null, country_code: Number(params.code) || 0, role: 'user', verified: config.unverifiedNewUsers ? 0 : 1 });
		store.recordEmail(email, 'account-created', 'Registration Confirmation');
	}
	const agent = store.findUser(params.assignto);
	const ticket = store.createTicket({ user_id: requester.id, dept_id: topic.department, help_topic_id: topic.id, sla: Number(params.sla), priority_id: Number(params.priority), assigned_to: store.isStaff(agent) ? agent.id : null, duedate: isBlank(params.duedate) ? null : String(params.duedate) });
	const thread = store.addThread({ ticket_id: ticket.id, user_id: requester.id, poster: 'client', title: String(params.subject), body: String(params.body) });
	store.recordEmail(requester.email, 'ticket-created', `[#${ticket.ticket_number}] ${thread.title}`);
	// The "ticket details" webhook, synchronous inside the request.
	await r.fireWebhook(store.threadsOf(ticket.id).map((t) => store.threadRow(t)));
	if (!requester.verified) {
		// An unverified requester → a serialised response object instead of the id.
		return ok({ response: { headers: {}, original: { result: 'fails', message: 'Ticket created, the requester has to verify the account first' }, exception: null } });
	}
	return ok({ response: { ticket_id: ticket.id, message: 'Ticket created successfully!' } });
}

// POST reply.
function replyToTicket(r) {
	checkFields(r, { ticket_id: ['required', ['exists', ticketExists(r)]], reply_content: ['required'] });
	const { store, user, params } = r;
	const ticket = store.findTicket(params.ticket_id);
	const staff = store.isStaff(user);
	const thread = store.addThread({ ticket_id: ticket.id, user_id: user.id, poster: staff ? 'support' : 'client', body: String(params.reply_content) });
	Object.assign(ticket, { updated_at: thread.created_at, last_message_at: thread.created_at, ...(staff ? { isanswered: 1 } : {}) });
	return ok({ result: store.threadRow(thread) });
}

// POST edit — every field required; `status` is written even when absent.
function edit(r) {
	const { store, params } = r;
	checkFields(r, {
		ticket_id: ['required', ['exists', ticketExists(r)]],
		subject: ['required'],
		sla_plan: ['required', ['exists', (v) => Boolean(store.findSla(v))]],
		help_topic: ['required', ['exists', (v) => Boolean(store.findHelpTopic(v))]],
		ticket_source: ['required', ['exists', (v) => Boolean(store.findSource(v))]],
		ticket_priority: ['required', ['exists', (v) => Boolean(store.findPriority(v))]],
	});
	const status = isBlank(params.status) ? null : Number(params.status);
	// An unknown status id breaks the foreign key → HTTP 500 {"result": …} (harsher reading).
	if (status !== null && !store.findStatus(status)) return reply(500, { result: foreignKeyError('tickets', 'status', 'ticket_status') });
	const ticket = store.findTicket(params.ticket_id);
	const at = store.timestamp();
	Object.assign(ticket, { sla: Number(params.sla_plan), help_topic_id: Number(params.help_topic), source: Number(params.ticket_source), priority_id: Number(params.ticket_priority), status, updated_at: at });
	Object.assign(ticket, { closed: status === 3 ? 1 : 0, closed_at: status === 2 || status === 3 ? at : null, is_deleted: status === 5 ? 1 : 0 });
	const first = store.threadsOf(ticket.id).find((t) => t.title);
	if (first) Object.assign(first, { title: String(params.subject), updated_at: at });
	r.counters.statusBlanked += status === null ? 1 : 0;
	return ok({ result: { success: 'Edited successfully' } });
}

// POST delete — first call trashes (status 5), a second call deletes for good.
function remove(r) {
	const { store, params } = r;
	const state = store.state;
	const ids = [].concat(params.ticket_id ?? []);
	const tickets = ids.map((id) => store.findTicket(id));
	if (!ids.length || tickets.some((t) => !t)) return caught(nullProperty(r, 'status'), 'app/Api/v1/ApiController.php', 512);
	for (const ticket of tickets) {
		const stage = ticket.status === 5 ? 'hard' : 'trash';
		if (stage === 'hard') store.hardDeleteTicket(ticket.id);
		else Object.assign(ticket, { status: 5, is_deleted: 1, updated_at: store.timestamp() });
		state.deletions.push({ ticketId: ticket.id, stage, byUserId: r.user.id, time: store.timestamp() });
		r.counters[stage === 'hard' ? 'ticketsHardDeleted' : 'ticketsTrashed'] += 1;
	}
	return ok({ result: 'your tickets has been deleted' });
}

// POST assign — `user` is the agent's email.
function assign(r) {
	checkFields(r, { ticket_id: ['required'], user: ['required'] });
	const { store, params } = r;
	const ticket = store.findTicket(params.ticket_id);
	if (!ticket) return businessError(`There is no Ticket as ticket id: ${params.ticket_id}`);
	const agent = store.findUserByEmail(params.user);
	if (!store.isStaff(agent)) return ok({ response: { error: 'No agent not found' } }); // sic
	Object.assign(ticket, { assigned_to: agent.id, updated_at: store.timestamp() });
	store.recordEmail(agent.email, 'ticket-assigned', `Ticket assigned: ${ticket.ticket_number}`);
	return ok({ result: 'success' });
}

// POST internal-note.
function internalNote(r) {
	checkFields(r, { user_id: ['required'], ticket_id: ['required', ['exists', ticketExists(r)]], body: ['required'] });
	const { store, params } = r;
	const author = store.findUser(params.user_id);
	if (!author) return modelNotFound('User', params.user_id); // findOrFail → 500
	const thread = store.addThread({ ticket_id: Number(params.ticket_id), user_id: author.id, poster: 'support', is_internal: 1, body: String(params.body) });
	return ok({ thread });
}

// GET ticket.
function getTicket(r) {
	checkFields(r, { ticket_id: ['required', ['exists', ticketExists(r)]] });
	return ok({ result: r.store.ticketDetail(r.store.findTicket(r.params.ticket_id)) });
}

// GET ticket-thread — JSON text labelled text/html, newest first.
function ticketThread(r) {
	checkFields(r, { id: ['required'] });
	const rows = r.store.threadsOf(r.params.id).sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
	return htmlString(rows.map((t) => r.store.threadRow(t)));
}

// GET ticket-search — LIKE on thread title/body; one id per matching thread (duplicates possible).
function ticketSearch(r) {
	checkFields(r, { search: ['required'] });
	const needle = String(r.params.search).toLowerCase();
	const hits = r.store.state.threads.filter((t) => `${t.title || ''}`.toLowerCase().includes(needle) || `${t.body || ''}`.toLowerCase().includes(needle));
	return ok({ result: hits.map((t) => ({ ticket_id: t.ticket_id })) });
}

function registerTicketRoutes(router, v1) {
	router.add('POST', `${v1}/helpdesk/create`, create);
	router.add('POST', `${v1}/helpdesk/reply`, replyToTicket);
	router.add('POST', `${v1}/helpdesk/edit`, edit);
	router.add('POST', `${v1}/helpdesk/delete`, remove);
	router.add('POST', `${v1}/helpdesk/assign`, assign);
	router.add('POST', `${v1}/helpdesk/internal-note`, internalNote);
	router.add('GET', `${v1}/helpdesk/ticket`, getTicket);
	router.add('GET', `${v1}/helpdesk/ticket-thread`, ticketThread);
	router.add('GET', `${v1}/helpdesk/ticket-search`, ticketSearch);
}

module.exports = { registerTicketRoutes };
