'use strict';
// Companies. Every route needs the Companies module; the router's
// `companies` permission answers 403 rest_forbidden otherwise, even for admins.

const crypto = require('node:crypto');
const { ok, validation, businessError, modelNotFound, asList, readPaging, paginate, sortRows, isBlank } = require('./wp');

const COMPANY_COLUMNS = ['name', 'industry', 'email', 'timezone', 'address_line_1', 'address_line_2', 'postal_code', 'city', 'state', 'country', 'employees_number', 'description', 'logo', 'type', 'phone', 'website', 'linkedin_url', 'facebook_url', 'twitter_url', 'date_of_start', 'owner_id', 'parent_id'];
const findCompany = (store, id) => store.state.companies.find((c) => c.id === Number(id));
const nameTaken = (store, name, ownId) => store.state.companies.some((c) => c.id !== ownId && c.name.toLowerCase() === String(name).trim().toLowerCase());

function columnsFrom(params) {
	const out = {};
	for (const column of COMPANY_COLUMNS) if (params[column] !== undefined && typeof params[column] !== 'object') out[column] = String(params[column]).trim();
	return out;
}

function listCompanies(r) {
	const { store, params } = r;
	let rows = store.state.companies;
	if (!isBlank(params.search)) {
		const term = String(params.search).toLowerCase();
		rows = rows.filter((c) => [c.name, c.email, c.phone, c.website].some((v) => String(v || '').toLowerCase().includes(term)));
	}
	rows = sortRows(rows, { sortBy: params.sort_by, direction: params.sort_order, allowed: ['id', 'name', 'email', 'created_at', 'updated_at', 'industry', 'city', 'country'] });
	return ok({ companies: paginate(rows, readPaging(params, 'companies'), '/companies') });
}

// GET /companies/{id}, or ?find_by=name|email|phone&find_by_value=… (id ignored then).
function getCompany(r) {
	const { store, params, path } = r;
	const findBy = ['name', 'email', 'phone'].includes(params.find_by) ? params.find_by : undefined;
	const company = findBy ? store.state.companies.find((c) => String(c[findBy] || '').toLowerCase() === String(params.find_by_value || '').toLowerCase()) : findCompany(store, path.id);
	return company ? ok({ company }) : businessError('Company not found'); // [uncertain] mirrors the contact miss (422)
}

function createCompany(r) {
	const { store, params } = r;
	if (isBlank(params.name)) return validation({ name: { required: 'The name field is required.' } });
	if (nameTaken(store, params.name)) return validation({ name: { unique: 'The name has already been taken.' } });
	const at = store.timestamp();
	const base = Object.fromEntries(COMPANY_COLUMNS.map((c) => [c, null]));
	const company = { id: store.nextId('company'), hash: crypto.createHash('md5').update(`company:${String(params.name)}`).digest('hex'), ...base, ...columnsFrom(params), created_at: at, updated_at: at, meta: null };
	store.state.companies.push(company);
	return ok({ message: 'Company has been created successfully', company });
}

function updateCompany(r) {
	const { store, params, path } = r;
	const company = findCompany(store, path.id);
	if (!company) return modelNotFound('Company');
	const columns = columnsFrom(params);
	if ('name' in columns && isBlank(columns.name)) return validation({ name: { required: 'The name field is required.' } });
	if (columns.name && nameTaken(store, columns.name, company.id)) return validation({ name: { unique: 'The name has already been taken.' } });
	Object.assign(company, columns, { updated_at: store.timestamp() });
	return ok({ message: 'Company has been updated', company });
}

function deleteCompany(r) {
	const { store, path } = r;
	const company = findCompany(store, path.id);
	if (!company) return modelNotFound('Company');
	store.state.companies = store.state.companies.filter((c) => c.id !== company.id);
	for (const contact of store.state.contacts) if (contact.company_id === String(company.id)) contact.company_id = null;
	return ok({ message: 'Company has been deleted successfully' });
}

function linkSubscribers(attach) {
	return (r) => {
		const { store, params } = r;
		const contactIds = (asList(params.subscriber_ids) || []).map(Number);
		const companyIds = (asList(params.company_ids) || []).map(Number).filter((id) => findCompany(store, id));
		if (!contactIds.length || !companyIds.length) return validation({ subscriber_ids: { required: 'The subscriber_ids field is required.' } });
		for (const contact of store.state.contacts.filter((c) => contactIds.includes(c.id))) {
			if (attach) contact.company_id = contact.company_id || String(companyIds[0]);
			else if (companyIds.map(String).includes(contact.company_id)) contact.company_id = null;
		}
		return ok({ message: attach ? 'Company has been successfully attached' : 'Company has been successfully detached' });
	};
}

function registerCompanyRoutes(router) {
	const companies = { permission: 'companies' };
	router.add('GET', '/fluent-crm/v2/companies', listCompanies, companies);
	router.add('POST', '/fluent-crm/v2/companies', createCompany, companies);
	router.add('POST', '/fluent-crm/v2/companies/attach-subscribers', linkSubscribers(true), companies);
	router.add('POST', '/fluent-crm/v2/companies/detach-subscribers', linkSubscribers(false), companies);
	router.add('GET', '/fluent-crm/v2/companies/{id}', getCompany, companies);
	router.add('PUT', '/fluent-crm/v2/companies/{id}', updateCompany, companies);
	router.add('DELETE', '/fluent-crm/v2/companies/{id}', deleteCompany, companies);
}

module.exports = { registerCompanyRoutes };
