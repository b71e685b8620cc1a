'use strict';
// Users, agents, teams, customers and collaborators.

const { ok, htmlString, fieldErrors, formRequestErrors, caught, validate, readPage, paginate } = require('./laravel');

const like = (needle, ...values) => values.some((v) => String(v ?? '').toLowerCase().includes(needle));
const customersOf = (store) => store.state.users.filter((u) => u.role === 'user');

const agents = (r) => ok({ result: r.store.state.users.filter((u) => r.store.isStaff(u)).map((u) => r.store.userRow(u)) });
const teams = (r) => ok({ result: r.store.state.teams.map((t) => ({ ...t })) });

// GET customers — `search` is required.
function customers(r) {
	const errors = validate(r.params, { search: ['required'] }, r.config.version);
	if (errors) return fieldErrors(errors);
	const needle = String(r.params.search).toLowerCase();
	return ok({ result: customersOf(r.store).filter((u) => like(needle, u.first_name, u.last_name, u.user_name, u.email)).map((u) => r.store.userRow(u)) });
}

// GET customer — role `user` only, otherwise `result` is null.
function customer(r) {
	const user = r.store.findUser(r.params.user_id);
	return ok({ result: user && user.role === 'user' ? r.store.userRow(user) : null });
}

// GET customers-custom — the paginator as a string, 10 per page.
function customersCustom(r) {
	const rows = customersOf(r.store).sort((a, b) => b.id - a.id);
	const page = paginate(rows, readPage(r.params), 10, r.pagePath(), r.config.version);
	page.data = page.data.map((u) => ({ id: u.id, user_name: u.user_name, first_name: u.first_name, last_name: u.last_name, email: u.email, phone_number: u.phone_number, profile_pic: u.profile_pic, company: u.company, active: u.active, telephone_extension: u.ext, mobile: u.mobile, telephone: u.phone_number, mobile_code: u.country_code }));
	return htmlString(page);
}

// POST register — a random password is generated and a welcome email sent.
function register(r) {
	const { store, params, config } = r;
	const errors = validate(params, {
		username: ['required', ['unique', (v) => Boolean(store.findUserByName(v))]],
		first_name: ['required'],
		email: ['email', ['unique', (v) => Boolean(store.findUserByEmail(v))]],
	}, config.version);
	if (errors) return fieldErrors(errors);
	const email = params.email ? String(params.email).trim() : '';
	const user = store.createUser({ user_name: String(params.username), first_name: String(params.first_name), last_name: String(params.last_name ?? ''), email: email || null, mobile: params.mobile ?? null, country_code: Number(params.code) || 0, role: 'user' });
	if (email) store.recordEmail(email, 'welcome', 'Welcome to Faveo Helpdesk: your login details');
	return ok({ register: { message: 'Registered Successfully', user: store.userRow(user) } });
}

// ---- collaborators ------------------------------------------------------------------------

// GET collaborator/search — missing `term` is a 422.
function collaboratorSearch(r) {
	const errors = validate(r.params, { term: ['required'] }, r.config.version);
	if (errors) return formRequestErrors(errors);
	const needle = String(r.params.term).toLowerCase();
	const users = r.store.state.users.filter((u) => u.active === 1 && like(needle, u.first_name, u.last_name, u.user_name, u.email));
	return ok({ users: users.map((u) => ({ name: `${u.first_name} ${u.last_name}`.trim(), email: u.email, avatar: u.profile_pic })) });
}

// POST collaborator/create — the email must be new: it creates a user and mails a password.
function collaboratorCreate(r) {
	const { store, params } = r;
	const errors = validate(params, { email: ['required', 'email'], ticket_id: ['required', ['exists', (v) => Boolean(store.findTicket(v))]] }, r.config.version);
	if (errors) return fieldErrors(errors);
	const email = String(params.email).trim();
	if (store.findUserByEmail(email)) {
		// Harsher reading of "fails": the duplicate insert surfaces as a caught exception.
		return caught(`SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '${email}' for key 'users_email_unique'`, 'app/Api/v1/ApiController.php', 1187);
	}
	const user = store.createUser({ user_name: email, email, first_name: email.split('@')[0], role: 'user' });
	store.recordEmail(email, 'collaborator-password', 'Your Faveo Helpdesk account password');
	const at = store.timestamp();
	store.state.collaborators.push({ id: store.nextId('collaborators'), ticket_id: Number(params.ticket_id), user_id: user.id, role: 'ccc', created_at: at, updated_at: at });
	r.counters.collaboratorUsersCreated += 1;
	return ok({ collaborator: { [email]: email } });
}

// POST collaborator/remove — `ticketid` (sic); validation errors come under `result`.
function collaboratorRemove(r) {
	const { store, params } = r;
	const errors = validate(params, { ticketid: ['required'], email: ['required'] }, r.config.version);
	if (errors) return ok({ result: errors });
	const user = store.findUserByEmail(params.email);
	const index = user ? store.state.collaborators.findIndex((c) => c.ticket_id === Number(params.ticketid) && c.user_id === user.id) : -1;
	if (index === -1) return ok({ collaborator: 'not found' });
	store.state.collaborators.splice(index, 1);
	return ok({ collaborator: 'deleted successfully' });
}

// POST collaborator/get-ticket.
function collaboratorsOfTicket(r) {
	const { store, params } = r;
	const errors = validate(params, { ticket_id: ['required'] }, r.config.version);
	if (errors) return fieldErrors(errors);
	const rows = store.state.collaborators.filter((c) => c.ticket_id === Number(params.ticket_id)).map((c) => store.findUser(c.user_id)).filter(Boolean);
	return ok({ collaborator: rows.map((u) => ({ email: u.email, user_name: u.user_name, avatar: u.profile_pic })) });
}

function registerUserRoutes(router, v1) {
	router.add('GET', `${v1}/helpdesk/agents`, agents);
	router.add('GET', `${v1}/helpdesk/teams`, teams);
	router.add('GET', `${v1}/helpdesk/customers`, customers);
	router.add('GET', `${v1}/helpdesk/customer`, customer);
	router.add('GET', `${v1}/helpdesk/customers-custom`, customersCustom);
	router.add('POST', `${v1}/helpdesk/register`, register);
	router.add('GET', `${v1}/helpdesk/collaborator/search`, collaboratorSearch);
	router.add('POST', `${v1}/helpdesk/collaborator/create`, collaboratorCreate);
	router.add('POST', `${v1}/helpdesk/collaborator/remove`, collaboratorRemove);
	router.add('POST', `${v1}/helpdesk/collaborator/get-ticket`, collaboratorsOfTicket);
}

module.exports = { registerUserRoutes };
