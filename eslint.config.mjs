import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** An import of one of the app's layers, from any depth (`../../adapters/jira/issues`, `../usecases/...`). */
const layer = (...names) => `(^|/)(${names.join('|')})(/|$)`;

/** The platform calls only adapters make: storage, Jira and other products, fetch, queues, web-trigger URLs. */
const SDK_IO = {
  paths: [
    { name: '@forge/kvs', message: 'KVS access belongs in src/adapters/storage/.' },
    { name: '@forge/events', message: 'Queues belong in src/adapters/queue/.' },
    {
      name: '@forge/api',
      importNames: ['requestJira', 'requestConfluence', 'route', 'fetch', 'asApp', 'asUser', 'webTrigger', 'storage'],
      message: 'Platform I/O belongs in src/adapters/ (Jira in adapters/jira/, web triggers in adapters/forge/).',
    },
  ],
};

/** Bundled code validates with valibot, which the bundler tree-shakes per function; zod stays in local/ (dev only). */
const NO_ZOD = { regex: '^zod(/|$)', message: "src/ validates with valibot ('valibot', src/shared/validation.ts)." };

/** The entry points, each its own folder: one may not reach into another (they share through use cases). */
const ENTRY_FOLDERS = ['resolvers', 'webtrigger', 'consumers', 'scheduled', 'triggers', 'lifecycle'];

/** One folder's rule: zod is refused everywhere in src/; `sdkIo` also refuses the platform's I/O; then its own patterns. */
const restrict = (files, { sdkIo = false, patterns = [] } = {}) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { ...(sdkIo ? SDK_IO : {}), patterns: [NO_ZOD, ...patterns] }],
  },
});

/**
 * The layering of src/ (README, "How it is built"): domain is pure, adapters own every I/O, use cases tie them
 * together, entry points only translate. `no-restricted-imports` per folder keeps it that way.
 */
const layering = [
  restrict(['src/domain/**/*.ts'], {
    patterns: [
      { regex: '^@forge/', message: 'The domain is pure: no platform SDK.' },
      { regex: layer('adapters', 'usecases', 'entry'), message: 'The domain is pure: it imports no layer above it.' },
    ],
  }),
  restrict(['src/adapters/**/*.ts'], {
    patterns: [{ regex: layer('usecases', 'entry'), message: 'Adapters do not call use cases or entry points.' }],
  }),
  restrict(['src/usecases/**/*.ts'], {
    sdkIo: true,
    patterns: [{ regex: layer('entry'), message: 'Use cases do not import entry points; entry points call them.' }],
  }),
  restrict(['src/shared/**/*.ts']),
  ...ENTRY_FOLDERS.map((folder) =>
    restrict([`src/entry/${folder}/**/*.ts`], {
      sdkIo: true,
      patterns: [
        {
          regex: layer(...ENTRY_FOLDERS.filter((other) => other !== folder)),
          message: 'One entry point does not import another; move what they share into a use case or adapter.',
        },
      ],
    }),
  ),
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'static/*/dist/', '.local/', 'coverage/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        globalThis: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  { files: ['**/*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-var-requires': 'off' } },
  ...layering,
  prettier,
);
