import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { DisplayConditionsValidator } from '@forge/manifest';
import { loadManifest, parseManifest } from '../../../local/runtime/manifest';
import { FIXTURE_APP } from './harness';

const APP = { id: 'ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000001' };
const RESOURCES = [
  { key: 'main', path: 'static/main' },
  { key: 'settings', path: 'static/settings' },
];
const FUNCTIONS = [{ key: 'resolver-fn', handler: 'index.resolver' }];

function manifestWith(modules: Record<string, unknown>) {
  return parseManifest({ app: APP, resources: RESOURCES, modules: { function: FUNCTIONS, ...modules } });
}

describe('issue context and dashboard gadget modules in manifest.yml', () => {
  it('are written in the fixture app as Forge itself accepts them (@forge/manifest schema and display conditions)', async () => {
    const document = yaml.load(fs.readFileSync(path.join(FIXTURE_APP, 'manifest.yml'), 'utf8')) as Record<
      string,
      unknown
    >;
    const schemaFile = (name: string) =>
      JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('@forge/manifest')), 'schema', name), 'utf8'));
    const validate = new Ajv({ strict: false, allErrors: true, logger: false }).compile(
      schemaFile('manifest-schema.json'),
    );
    expect(validate(document) ? [] : validate.errors).toEqual([]);
    const conditions = await new DisplayConditionsValidator(schemaFile('display-conditions-schema.json')).validate({
      typedContent: document,
    } as never);
    expect(conditions.errors ?? []).toEqual([]);
  });

  it('reads them with the properties of Forge manifest schema', () => {
    const manifest = loadManifest(path.join(FIXTURE_APP, 'manifest.yml'));
    expect(manifest.issueContexts.find((module) => module.key === 'invoice-panel')).toEqual({
      type: 'jira:issueContext',
      key: 'invoice-panel',
      resource: 'panel-ui',
      resolverFunction: 'resolver-fn',
      title: 'Fixture invoice',
      label: 'Invoice',
      status: { type: 'lozenge', value: { label: 'Billing', type: 'new' } },
      displayConditions: { projectKey: 'BILL' },
    });
    expect(manifest.dashboardGadgets).toEqual([
      {
        type: 'jira:dashboardGadget',
        key: 'receivables',
        resource: 'gadget-ui',
        resolverFunction: 'resolver-fn',
        title: 'Fixture receivables',
        description: 'Outstanding amounts per currency',
        thumbnail: 'https://example.com/receivables.svg',
        editResource: 'gadget-edit-ui',
        refreshable: true,
      },
      {
        type: 'jira:dashboardGadget',
        key: 'admin-gadget',
        resource: 'gadget-ui',
        resolverFunction: undefined,
        title: 'Fixture admin gadget',
        titleHref: 'https://example.com/admin-gadget',
        description: 'Only for Jira admins',
        thumbnail: 'https://example.com/admin.svg',
        refreshable: false,
        displayConditions: { isAdmin: true },
      },
    ]);
    expect(manifest.uiModules.map((module) => module.key)).toEqual([
      'admin',
      'project-settings',
      'invoice-panel',
      'admin-panel',
      'linked-panel',
      'receivables',
      'admin-gadget',
    ]);
  });

  it('takes i18n titles, labels and descriptions as their keys', () => {
    const manifest = manifestWith({
      'jira:issueContext': [
        { key: 'panel', resource: 'main', title: { i18n: 'panel.title' }, label: { i18n: 'panel.label' } },
      ],
      'jira:dashboardGadget': [
        {
          key: 'gadget',
          resource: 'main',
          title: 'G',
          description: { i18n: 'g.description' },
          thumbnail: 'https://x/y.svg',
        },
      ],
    });
    expect(manifest.issueContexts[0]).toMatchObject({ title: 'panel.title', label: 'panel.label' });
    expect(manifest.dashboardGadgets[0]).toMatchObject({ description: 'g.description', refreshable: true });
  });

  it.each([
    [
      'an issue context without a label',
      { 'jira:issueContext': [{ key: 'p', resource: 'main', title: 'T' }] },
      'jira:issueContext p: label must be a string or {i18n: <key>}',
    ],
    [
      'a gadget without a thumbnail',
      { 'jira:dashboardGadget': [{ key: 'g', resource: 'main', title: 'T', description: 'D' }] },
      "jira:dashboardGadget g: 'thumbnail' must be a string",
    ],
    [
      'a gadget edit view that is not a resource',
      {
        'jira:dashboardGadget': [
          {
            key: 'g',
            resource: 'main',
            title: 'T',
            description: 'D',
            thumbnail: 'x',
            edit: { function: 'resolver-fn' },
          },
        ],
      },
      'jira:dashboardGadget g: edit must be {resource: <resource key>}',
    ],
    [
      'an undeclared edit resource',
      {
        'jira:dashboardGadget': [
          { key: 'g', resource: 'main', title: 'T', description: 'D', thumbnail: 'x', edit: { resource: 'nope' } },
        ],
      },
      "jira:dashboardGadget g: resource 'nope' is not declared in resources",
    ],
    [
      'a UI Kit module',
      { 'jira:issueContext': [{ key: 'p', resource: 'main', render: 'native', title: 'T', label: 'L' }] },
      'jira:issueContext p: render: native (UI Kit) is not supported by the local runtime',
    ],
    [
      'a Forge remote resolver',
      { 'jira:issueContext': [{ key: 'p', resource: 'main', title: 'T', label: 'L', resolver: { endpoint: 'e' } }] },
      'jira:issueContext p: resolver.endpoint (Forge remote) is not supported by the local runtime',
    ],
    [
      'display conditions that are not a mapping',
      { 'jira:issueContext': [{ key: 'p', resource: 'main', title: 'T', label: 'L', displayConditions: ['x'] }] },
      'jira:issueContext p: displayConditions must be a mapping',
    ],
  ])('refuses %s, saying what is wrong', (_what, modules, message) => {
    expect(() => manifestWith(modules)).toThrow(message);
  });
});
