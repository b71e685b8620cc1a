'use strict';
// In-memory Faveo database: tables, row serialisers (the API's row shapes) and deterministic seeding.

const crypto = require('node:crypto');
const fx = require('./fixtures');

// The whole user row (v1.9 key set); password and remember_token are hidden.
const USER_COLUMNS = ['id', 'user_name', 'first_name', 'last_name', 'gender', 'email', 'ban', 'active', 'is_delete', 'ext', 'country_code', 'phone_number', 'mobile', 'agent_sign', 'account_type', 'account_status', 'assign_group', 'primary_dpt', 'agent_tzone', 'daylight_save', 'limit_access', 'directory_listing', 'vacation_mode', 'company', 'role', 'internal_note', 'profile_pic', 'created_at', 'updated_at', 'user_language'];
const TICKET_COLUMNS = ['id', 'ticket_number', 'user_id', 'dept_id', 'team_id', 'priority_id', 'sla', 'help_topic_id', 'status', 'rating', 'ratingreply', 'flags', 'ip_address', 'assigned_to', 'lock_by', 'lock_at', 'source', 'isoverdue', 'reopened', 'isanswered', 'html', 'is_deleted', 'closed', 'is_transferred', 'transferred_at', 'reopened_at', 'duedate', 'closed_at', 'last_message_at', 'created_at', 'updated_at'];
const THREAD_COLUMNS = ['id', 'ticket_id', 'user_id', 'poster', 'source', 'reply_rating', 'rating_count', 'is_internal', 'title', 'body', 'format', 'ip_address', 'created_at', 'updated_at'];
const SEED_BASE = Date.UTC(2025, 2, 3, 9, 0, 0);

const pad = (n) => String(n).padStart(2, '0');
const formatDate = (ms) => {
	const d = new Date(ms);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};
const gravatar = (email) => `https://secure.gravatar.com/avatar/${crypto.createHash('md5').update(String(email).toLowerCase()).digest('hex')}?s=80&r=g&d=identicon`;
const pick = (random, list) => list[Math.floor(random() * list.length)];

function mulberry32(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function createStore({ now, seed = 1 }) {
	const random = mulberry32(seed);
	const passwords = new Map(); // user id → password (kept out of `state`)
	const state = {
		settings: { apiKey: '', apiEnabled: true, ticketDetailUrl: '' },
		users: [], departments: [], helpTopics: [], slaPlans: [], priorities: [], statuses: [], sources: [], teams: [],
		tickets: [], threads: [], collaborators: [],
		outbox: [], webhookDeliveries: [], logins: [], trapCalls: [], deletions: [],
	};
	const nextIds = {};
	const nextId = (table) => (nextIds[table] = (nextIds[table] || 0) + 1);
	const timestamp = () => formatDate(now());
	const newKey = () => Array.from({ length: 32 }, () => pick(random, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')).join('');

	// ---- lookups ---------------------------------------------------------------------
	const at = formatDate(SEED_BASE - 30 * 86400000);
	state.departments = fx.DEPARTMENTS.map((d) => ({ id: d.id, name: d.name, type: 1, sla: 1, manager: null, ticket_assignment: '', outgoing_email: '', template_set: '', auto_ticket_response: '', auto_message_response: '', auto_response_email: '', recipient: '', group_access: '', department_sign: '', created_at: at, updated_at: at }));
	state.helpTopics = fx.HELP_TOPICS.map((h) => ({ id: h.id, topic: h.topic, parent_topic: '', custom_form: null, department: h.department, ticket_status: 1, priority: h.priority, sla_plan: h.sla_plan, thank_page: '', ticket_num_format: '1', internal_notes: '', status: 1, type: 1, auto_assign: null, auto_response: 0, created_at: at, updated_at: at }));
	state.slaPlans = fx.SLA_PLANS.map((s) => ({ id: s.id, name: s.name, grace_period: s.grace_period, admin_note: '', status: 1, transient: 0, ticket_overdue: 0, created_at: at, updated_at: at, hours: s.hours }));
	state.priorities = fx.PRIORITIES.map((p) => ({ ...p, status: 1, user_priority: 1, priority_desc: p.priority, ispublic: 1, is_default: p.priority_id === 2 ? 1 : 0, created_at: at, updated_at: at }));
	state.statuses = fx.STATUSES.map((s) => ({ ...s }));
	state.sources = fx.SOURCES.map((s) => ({ ...s }));
	state.teams = fx.TEAMS.map((t) => ({ id: t.id, name: t.name, status: 1, team_lead: t.team_lead, assign_alert: 0, admin_notes: '', created_at: at, updated_at: at }));
	const find = (table, key = 'id') => (id) => state[table].find((row) => String(row[key]) === String(id));
	const findDepartment = find('departments');
	const findHelpTopic = find('helpTopics');
	const findSla = find('slaPlans');
	const findPriority = find('priorities', 'priority_id');
	const findStatus = find('statuses');
	const findSource = find('sources');
	const findTeam = find('teams');

	// ---- users -------------------------------------------------------------------------
	const findUser = find('users');
	const findUserByEmail = (email) => state.users.find((u) => u.email && u.email.toLowerCase() === String(email).trim().toLowerCase());
	const findUserByName = (name) => state.users.find((u) => u.user_name.toLowerCase() === String(name).trim().toLowerCase());
	const isStaff = (user) => Boolean(user) && (user.role === 'agent' || user.role === 'admin');

	function createUser(input, createdAt = timestamp()) {
		const user = Object.fromEntries(USER_COLUMNS.map((c) => [c, '']));
		Object.assign(user, { gender: 0, ban: 0, active: 1, is_delete: 0, country_code: 0, mobile: null, assign_group: 1, primary_dpt: null, role: 'user', user_language: null, created_at: createdAt, updated_at: createdAt, verified: 1 });
		const { password, ...columns } = input;
		Object.assign(user, columns);
		user.id = input.id ?? nextId('users');
		nextIds.users = Math.max(nextIds.users || 0, user.id);
		if (!user.profile_pic) user.profile_pic = gravatar(user.email || user.user_name);
		state.users.push(user);
		passwords.set(user.id, password ?? crypto.randomBytes(6).toString('hex'));
		return user;
	}
	const checkPassword = (user, password) => passwords.get(user.id) === String(password ?? '');
	const userRow = (user) => (user ? Object.fromEntries(USER_COLUMNS.map((c) => [c, user[c]])) : null);

	// ---- tickets and threads -------------------------------------------------------------
	const findTicket = find('tickets');
	const threadsOf = (ticketId) => state.threads.filter((t) => t.ticket_id === Number(ticketId));
	const titleOf = (ticket) => (threadsOf(ticket.id).find((t) => t.title) || { title: '' }).title;

	function createTicket(columns, createdAt = timestamp()) {
		const ticket = Object.fromEntries(TICKET_COLUMNS.map((c) => [c, null]));
		Object.assign(ticket, { rating: 0, ratingreply: 0, flags: 0, ip_address: null, source: 3, isoverdue: 0, reopened: 0, isanswered: 0, html: 0, is_deleted: 0, closed: 0, is_transferred: 0, status: 1, created_at: createdAt, updated_at: createdAt, last_message_at: createdAt }, columns);
		ticket.id = nextId('tickets');
		ticket.ticket_number = `AAAA-0000-${String(ticket.id).padStart(4, '0')}`;
		state.tickets.push(ticket);
		return ticket;
	}

	function addThread(columns, createdAt = timestamp()) {
		const thread = Object.fromEntries(THREAD_COLUMNS.map((c) => [c, null]));
		Object.assign(thread, { poster: 'client', source: null, reply_rating: 0, rating_count: 0, is_internal: 0, title: '', format: null, ip_address: '127.0.0.1', created_at: createdAt, updated_at: createdAt }, columns);
		thread.id = nextId('threads');
		state.threads.push(thread);
		return thread;
	}

	function hardDeleteTicket(id) {
		state.tickets = state.tickets.filter((t) => t.id !== id);
		state.threads = state.threads.filter((t) => t.ticket_id !== id);
		state.collaborators = state.collaborators.filter((c) => c.ticket_id !== id);
	}

	const threadRow = (thread) => {
		const user = findUser(thread.user_id) || {};
		return { ...thread, first_name: user.first_name ?? null, last_name: user.last_name ?? null, user_name: user.user_name ?? null, email: user.email ?? null, profile_pic: user.profile_pic ?? null };
	};
	const ticketRaw = (t) => Object.fromEntries(TICKET_COLUMNS.map((c) => [c, t[c]]));

	// `open`/`unassigned`/`closed` rows, with the upstream typo `priotity_name`.
	function ticketListRow(t) {
		const requester = findUser(t.user_id) || {};
		return {
			first_name: requester.first_name ?? null, last_name: requester.last_name ?? null, email: requester.email ?? null, profile_pic: requester.profile_pic ?? null,
			ticket_number: t.ticket_number, id: t.id, title: titleOf(t), created_at: t.created_at,
			department_name: (findDepartment(t.dept_id) || {}).name ?? null, priotity_name: (findPriority(t.priority_id) || {}).priority ?? null,
			sla_plan_name: (findSla(t.sla) || {}).name ?? null, help_topic_name: (findHelpTopic(t.help_topic_id) || {}).topic ?? null, ticket_status_name: (findStatus(t.status) || {}).name ?? null,
		};
	}

	// GET `ticket`.
	function ticketDetail(t) {
		const requester = findUser(t.user_id) || {};
		const priority = findPriority(t.priority_id) || {};
		const sla = findSla(t.sla) || {};
		const topic = findHelpTopic(t.help_topic_id) || {};
		const assignee = findUser(t.assigned_to);
		return {
			email: requester.email ?? null, user_name: requester.user_name ?? null, first_name: requester.first_name ?? null, last_name: requester.last_name ?? null,
			id: t.id, ticket_number: t.ticket_number, user_id: t.user_id, priority_id: t.priority_id, priority_name: priority.priority ?? null,
			dept_name: (findDepartment(t.dept_id) || {}).name ?? null, status_name: (findStatus(t.status) || {}).name ?? null, sla_name: sla.name ?? null,
			source_name: (findSource(t.source) || {}).value ?? null, sla: t.sla, status: t.status, lock_by: t.lock_by, lock_at: t.lock_at, source: t.source,
			isoverdue: t.isoverdue, reopened: t.reopened, isanswered: t.isanswered, is_deleted: t.is_deleted, closed: t.closed, reopened_at: t.reopened_at,
			duedate: t.duedate, closed_at: t.closed_at, created_at: t.created_at, updated_at: t.updated_at, priority_color: priority.priority_color ?? null,
			helptopic_id: t.help_topic_id, helptopic_name: topic.topic ?? null, grace_period: sla.grace_period ?? null, title: titleOf(t),
			assignee: assignee ? { id: assignee.id, first_name: assignee.first_name, last_name: assignee.last_name, user_name: assignee.user_name, email: assignee.email, profile_pic: assignee.profile_pic } : null,
		};
	}

	const recordEmail = (to, kind, subject) => state.outbox.push({ to, kind, subject, time: timestamp() });

	// ---- seeding -----------------------------------------------------------------------------
	function seedCustomers(count) {
		const made = [];
		for (let i = 0; i < count; i++) {
			const n = state.users.filter((u) => u.role === 'user').length + 1;
			const first = pick(random, fx.FIRST_NAMES);
			const last = pick(random, fx.LAST_NAMES);
			const email = `${first}.${last}${n}@${pick(random, fx.DOMAINS)}`.toLowerCase();
			const createdAt = formatDate(SEED_BASE - (count - i) * 3600000);
			made.push(createUser({ user_name: email, first_name: first, last_name: last, email, role: 'user', password: fx.CUSTOMER_PASSWORD, phone_number: `+44 20 7946 ${String(1000 + n).slice(-4)}`, company: random() < 0.4 ? pick(random, ['Northwind Traders', 'Globex Ltd', 'Initech GmbH']) : '' }, createdAt));
		}
		return made;
	}

	function seedTickets(count) {
		const agents = state.users.filter((u) => isStaff(u) && u.active === 1);
		if (!state.users.some((u) => u.role === 'user')) seedCustomers(1);
		const customers = state.users.filter((u) => u.role === 'user');
		for (let i = 0; i < count; i++) {
			const createdMs = SEED_BASE + (state.tickets.length + 1) * 97 * 60000;
			const createdAt = formatDate(createdMs);
			const requester = pick(random, customers);
			const topic = pick(random, state.helpTopics);
			const roll = random();
			const status = roll < 0.65 ? 1 : roll < 0.77 ? 2 : roll < 0.89 ? 3 : 5;
			const assignee = random() < 0.5 ? pick(random, agents) : null;
			const ticket = createTicket({ user_id: requester.id, dept_id: topic.department, help_topic_id: topic.id, sla: topic.sla_plan, priority_id: pick(random, state.priorities).priority_id, status, assigned_to: assignee ? assignee.id : null, source: pick(random, [1, 2, 3]), duedate: formatDate(createdMs + 86400000), is_deleted: status === 5 ? 1 : 0, closed: status === 3 ? 1 : 0, closed_at: status === 3 ? formatDate(createdMs + 7200000) : null }, createdAt);
			addThread({ ticket_id: ticket.id, user_id: requester.id, poster: 'client', title: pick(random, fx.SUBJECTS), body: `<p>${pick(random, fx.BODIES)}</p>` }, createdAt);
			if (assignee && random() < 0.7) {
				const repliedAt = formatDate(createdMs + 45 * 60000);
				addThread({ ticket_id: ticket.id, user_id: assignee.id, poster: 'support', body: `<p>${pick(random, fx.REPLIES)}</p>` }, repliedAt);
				Object.assign(ticket, { isanswered: 1, updated_at: repliedAt, last_message_at: repliedAt });
			}
			if (random() < 0.2 && customers.length > 1) {
				const cc = pick(random, customers.filter((c) => c.id !== requester.id));
				state.collaborators.push({ id: nextId('collaborators'), ticket_id: ticket.id, user_id: cc.id, role: 'ccc', created_at: createdAt, updated_at: createdAt });
			}
		}
	}

	function seedData({ staff, customers = 0, tickets = 0 } = {}) {
		for (const member of staff || []) createUser({ ...member, active: member.active ?? 1, user_name: member.user_name || member.email }, formatDate(SEED_BASE - 40 * 86400000));
		if (customers) seedCustomers(Number(customers));
		if (tickets) seedTickets(Number(tickets));
	}

	return {
		state, random, timestamp, newKey, nextId, findDepartment, findHelpTopic, findSla, findPriority, findStatus, findSource, findTeam,
		findUser, findUserByEmail, findUserByName, isStaff, createUser, checkPassword, userRow,
		findTicket, threadsOf, titleOf, createTicket, addThread, hardDeleteTicket, threadRow, ticketRaw, ticketListRow, ticketDetail, recordEmail, seedData,
	};
}

module.exports = { createStore, formatDate, gravatar };
