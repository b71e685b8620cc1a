/** One collection of the crm-plugin: where it lives and what a create needs. */
export interface CollectionFacts {
	/** The node's resource value. */
	resource: string;
	label: string;
	/** API path; contacts are singular, every other collection plural. */
	path: string;
	/**
	 * Keys a create must carry. The plugin checks only that these keys are present and answers their
	 * absence with HTTP 200 and a plain text ("Required Parameters are missing"); the node checks them
	 * (not empty) before sending and names them when the plugin refuses. For contact tags the plugin
	 * requires nothing, but a link without both ends means nothing, so the node asks for both.
	 */
	requiredOnCreate: string[];
}

export const COLLECTIONS = {
	activity: { resource: 'activity', label: 'Activity', path: '/crm-plugin/activities', requiredOnCreate: ['title'] },
	activityType: { resource: 'activityType', label: 'Activity Type', path: '/crm-plugin/activitytypes', requiredOnCreate: ['name'] },
	contact: { resource: 'contact', label: 'Contact', path: '/crm-plugin/contact', requiredOnCreate: ['name', 'contact_type'] },
	contactTag: { resource: 'contactTag', label: 'Contact Tag', path: '/crm-plugin/contacttags', requiredOnCreate: ['contact', 'tag'] },
	country: { resource: 'country', label: 'Country', path: '/crm-plugin/countries', requiredOnCreate: ['name', 'abbreviation', 'is_active'] },
	district: { resource: 'district', label: 'District', path: '/crm-plugin/districts', requiredOnCreate: ['name'] },
	state: { resource: 'state', label: 'State', path: '/crm-plugin/states', requiredOnCreate: ['name'] },
	tag: { resource: 'tag', label: 'Tag', path: '/crm-plugin/tags', requiredOnCreate: ['name'] },
	village: { resource: 'village', label: 'Village', path: '/crm-plugin/villages', requiredOnCreate: ['name'] },
} satisfies Record<string, CollectionFacts>;

/** The collection a request path belongs to (`/crm-plugin/tags/7` → tags), and the record ID in it if any. */
export function collectionAt(path: string): { collection: CollectionFacts; id?: string } | undefined {
	const [prefix, name, id] = path.split('?')[0].split('/').filter(Boolean);
	const collection = Object.values(COLLECTIONS).find((facts: CollectionFacts) => facts.path === `/${prefix}/${name}`);
	return collection ? { collection, id } : undefined;
}

/** "a contact", "an activity type". */
export const aRecord = (facts: CollectionFacts) => `${/^[aeiou]/i.test(facts.label) ? 'an' : 'a'} ${facts.label.toLowerCase()}`;
