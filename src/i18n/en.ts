import type { LocaleTranslations } from 'adminjs';
import { resourcesEn } from './resources.en.js';
import type { ResourceTexts } from './resources.zh-cn.js';
import { transferActionLabels } from './messages/transfer.js';

const resourceName = (id: string) => (resourcesEn as Record<string, ResourceTexts>)[id].labels[id];
const resourceNames = Object.fromEntries(Object.keys(resourcesEn).map((id) => [id, resourceName(id)]));

/** General texts of the panel in English, over AdminJS's own. */
export const en: LocaleTranslations = {
  actions: { show: 'Show', bulkDelete: 'Delete selected', search: 'Search', ...transferActionLabels.en },
  labels: {
    ...resourceNames,
    dashboard: 'Statistics', customerManagement: 'Customers', salesManagement: 'Sales', productsAndStock: 'Products & stock', marketingCampaigns: 'Marketing',
    serviceManagement: 'Service', gasStationBusiness: 'Gas stations', teamCollaboration: 'Team', systemManagement: 'System',
    creditManagement: 'Credit & payments', pricingManagement: 'Pricing',
    viewAll: 'View all', relatedCount: '{{count}} in total',
    // A list of more than ten thousand rows shows PostgreSQL's estimate (resources/shared/lean-list.ts).
    approximateTotal: 'about {{total}}',
    selectPlaceholder: 'Select…', selectNoOptions: 'No matches', selectLoading: 'Loading…',
  },
  properties: { id: 'ID', created_at: 'Created at', updated_at: 'Updated at' },
  messages: {
    loginWelcome: 'CRM for petrochemical sales',
    invalidCredentials: 'Wrong e-mail or password',
    tooManyRequests: 'Too many failed logins; try again in 15 minutes',
    thereWereValidationErrors: 'Please correct the fields marked in red',
    errorFetchingRecord: 'This record cannot be opened: it may have been deleted, be outside what you may see, or the network failed',
    error404Resource: 'This page does not exist, or your role may not use it.',
    error404Action: 'This page does not exist, or your role may not use it.',
    error404Record: 'This record cannot be found: it may have been deleted, or it is outside what you may see.',
    // Refusals of the database, next to the field (src/db/crm-resource.ts).
    fieldRequired: 'This field is required',
    referenceNotFound: 'The chosen record does not exist or was deleted',
    valueTaken: 'This value is already in use',
    valueOutOfRange: 'The value is outside the allowed range',
    notANumber: 'Enter a number',
    notAnInteger: 'Enter a whole number',
    notADate: 'Enter a date that exists, such as 2026-02-28 (it is not moved to the next month)',
    valueTooLong: 'Too long',
    notAChoice: 'Choose one of the options',
    notAnEmail: 'Not a valid e-mail address',
    invalidValue: 'Invalid value',
    stillReferenced: 'Other records still refer to this one; it cannot be deleted',
    ...Object.fromEntries(Object.keys(resourcesEn).map((id) => [`stillReferencedBy_${id}`, `${resourceName(id)} still refer to this record, so it cannot be deleted; deal with them first, or deactivate it instead`])),
    codeGeneratedWhenBlank: 'Leave blank to have a number assigned',
  },
  components: {
    Login: {
      welcomeHeader: 'Welcome to PetroCRM',
      welcomeMessage: 'CRM for petrochemical sales',
      properties: { email: 'E-mail', password: 'Password' },
      loginButton: 'Log in',
    },
    LanguageSelector: { availableLanguages: { 'zh-CN': '简体中文', en: 'English' } },
  },
};
