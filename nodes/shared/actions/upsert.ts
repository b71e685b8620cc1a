import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

export type UpsertAction = 'created' | 'updated';

export interface EmailUpsert {
	/** "Nexudus", "CRM Platform", … */
	providerName: string;
	/** Singular record name: "coworker", "contact". */
	record: string;
	email: string;
	/** Every record the provider's own search returns for this email (all pages); exact matches are picked here. */
	find(email: string): Promise<IDataObject[]>;
	emailOf(record: IDataObject): unknown;
	create(): Promise<IDataObject>;
	update(existing: IDataObject): Promise<IDataObject>;
}

/** Emails are matched as mail servers treat them in practice: trimmed and ignoring case. */
export const sameEmail = (a: unknown, b: unknown): boolean => String(a ?? '').trim().toLowerCase() === String(b ?? '').trim().toLowerCase();

/**
 * "Create or Update" keyed on the email, the same for every provider: one exact match is updated,
 * none is created, several are an error (the node never guesses which record is meant).
 */
export async function upsertByEmail(this: IExecuteFunctions, itemIndex: number, upsert: EmailUpsert): Promise<IDataObject & { action_type: UpsertAction }> {
	const email = upsert.email.trim();
	if (!email) throw new NodeOperationError(this.getNode(), `An email is needed to find the ${upsert.record}`, { itemIndex });
	const matches = (await upsert.find(email)).filter((record) => sameEmail(upsert.emailOf(record), email));
	if (matches.length > 1) {
		throw new NodeOperationError(this.getNode(), `${matches.length} ${upsert.providerName} ${upsert.record}s have the email ${email}`, {
			itemIndex,
			description: `The node does not guess which one to update: merge the duplicates in ${upsert.providerName}, or update one by ID.`,
		});
	}
	if (matches.length === 1) return { ...(await upsert.update(matches[0])), action_type: 'updated' };
	return { ...(await upsert.create()), action_type: 'created' };
}
