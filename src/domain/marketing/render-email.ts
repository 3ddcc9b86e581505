import { BusinessRuleError } from '../../errors/business-rule-error.js';

/** Values a template may use, by group: {{customer.name}}, {{contact.name}}, {{campaign.name}} … */
export type EmailFields = Record<string, Record<string, string | number | null>>;

export interface RenderedEmail {
  subject: string;
  body: string;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const SUBJECT_LENGTH = 200;

/**
 * Fills a template's {{group.field}} placeholders. A placeholder we cannot fill (a typo, or a
 * campaign field in a mail sent outside a campaign) refuses the whole send: a thousand customers
 * reading "{{customer.nmae}}" is worse than a message asking to fix the template.
 */
export function renderEmail(template: RenderedEmail, fields: EmailFields): RenderedEmail {
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (_match, path: string) => {
      const [group, name, ...rest] = path.split('.');
      const groupFields = fields[group];
      if (rest.length > 0 || !name || !groupFields || !(name in groupFields)) throw new BusinessRuleError('templateUnknownField', { field: path });
      return String(groupFields[name] ?? '');
    });
  return { subject: fill(template.subject).slice(0, SUBJECT_LENGTH), body: fill(template.body) };
}

/** The fields of a customer and contact that templates may use; the same list for every mail. */
export function customerEmailFields(customer: CustomerFields, contact: ContactFields): EmailFields {
  return {
    customer: { name: customer.name, code: customer.code, region: customer.region, city: customer.city, grade: customer.grade },
    contact: { name: contact.name, title: contact.title, email: contact.email },
  };
}

export interface CustomerFields {
  name: string;
  code: string;
  region: string;
  city: string | null;
  grade: string | null;
}

export interface ContactFields {
  name: string;
  title: string | null;
  email: string | null;
}
