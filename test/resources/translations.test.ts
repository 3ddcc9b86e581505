import AdminJS, { locales, type ResourceDecorator } from 'adminjs';
import * as AdminJSSequelize from '@adminjs/sequelize';
import { CrmResource } from '../../src/db/crm-resource.js';
import { createResources } from '../../resources/index.js';
import { componentLoader } from '../../resources/component-loader.js';
import { navigation } from '../../resources/navigation.js';
import { locale } from '../../src/i18n/index.js';
import { openDomainDatabase, type DomainDatabase } from '../support/domain-database.js';

type Language = 'zh-CN' | 'en';
type Texts = Record<string, unknown>;

/** Where AdminJS's translate() looks: the resource's own block first, then the global one. */
function lookup(language: Language, block: 'labels' | 'properties' | 'actions', key: string, resourceId: string): string | undefined {
  const ours = locale.translations[language] as Texts;
  const adminjs = locales[language] as Texts;
  const resources = ours.resources as Record<string, Record<string, Record<string, string>>>;
  return resources[resourceId]?.[block]?.[key]
    ?? (ours[block] as Record<string, string> | undefined)?.[key]
    ?? (adminjs[block] as Record<string, string> | undefined)?.[key];
}

/** Every text of a resource's screens: its name, field labels, enum values, yes/no, actions. */
function textsOf(resource: ResourceDecorator): Array<['labels' | 'properties' | 'actions', string]> {
  const texts: Array<['labels' | 'properties' | 'actions', string]> = [['labels', resource.id()]];
  for (const property of Object.values(resource.properties)) {
    texts.push(['properties', property.propertyPath]);
    for (const value of property.availableValues() ?? []) texts.push(['labels', `${property.propertyPath}.${value.value}`]);
    if (property.type() === 'boolean') texts.push(['labels', `${property.propertyPath}.true`], ['labels', `${property.propertyPath}.false`]);
  }
  for (const action of Object.keys(resource.actions)) texts.push(['actions', action]);
  return texts;
}

describe('every text of every resource screen is translated', () => {
  let database: DomainDatabase;
  let admin: AdminJS;

  beforeAll(async () => {
    database = await openDomainDatabase();
    AdminJS.registerAdapter({ Database: AdminJSSequelize.Database, Resource: CrmResource });
    admin = new AdminJS({ resources: createResources(), componentLoader, locale });
  });
  afterAll(() => database.close());

  test.each(['zh-CN', 'en'] as const)('in %s: resource names, field labels, enum values, yes/no and action names', (language) => {
    const missing = admin.resources.flatMap((resource) =>
      textsOf(resource.decorate()).filter(([block, key]) => !lookup(language, block, key, resource.id())).map(([block, key]) => `${resource.id()}.${block}.${key}`),
    );
    expect(missing).toEqual([]);
  });

  test('in zh-CN no label a user sees is English', () => {
    const english = admin.resources.flatMap((resource) =>
      textsOf(resource.decorate())
        .map(([block, key]) => [`${resource.id()}.${block}.${key}`, lookup('zh-CN', block, key, resource.id()) ?? ''] as const)
        // Codes that read the same in both languages: credit ratings, grades, language names, SLA.
        .filter(([, text]) => /[A-Za-z]{2,}/.test(text) && !/^(AAA|AA|English|简体中文)$/.test(text) && !/[\p{Script=Han}]/u.test(text)),
    );
    expect(english).toEqual([]);
  });

  test.each(['zh-CN', 'en'] as const)('in %s: every menu group', (language) => {
    for (const { name } of Object.values(navigation)) expect(lookup(language, 'labels', name, '')).toBeTruthy();
  });

  test('every resource is in the menu, in a group of the specification', () => {
    const groups = new Set(Object.values(navigation).map(({ name }) => name));
    for (const resource of admin.resources) expect(groups).toContain((resource.decorate().options.navigation as { name: string }).name);
  });
});
