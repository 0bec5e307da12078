import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out*/', '.local/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `import { z }` keeps zod's whole namespace (every locale) in each Lambda bundle: ~350 KB more.
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
          message: "Use `import * as z from 'zod'` (bundle size).",
        },
      ],
    },
  },
  {
    // Lambda bundles (shared/, events/, functions/): zod/mini through shared/zod.ts, which sets zod's English
    // messages and classic zod's error name. Classic zod costs ~70 KB more in each bundle.
    files: ['shared/**/*.ts', 'events/**/*.ts', 'functions/**/*.ts'],
    ignores: ['shared/zod.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^zod($|/)',
              message: "Bundled code imports zod only as `import * as z from '<…>/shared/zod.ts'` (zod/mini).",
            },
            {
              regex: 'i18n/messages/index\\.ts$',
              message:
                'Import the kinds of message this code sends from their modules: the index would bundle every kind.',
            },
          ],
        },
      ],
      // Type positions (`z.core.$ZodType`) are fine; a value would keep the whole namespace (every locale).
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='z'][property.name=/^(core|locales)$/]",
          message: 'Import what is needed of zod/v4/core or zod/locales by name in shared/zod.ts (bundle size).',
        },
      ],
    },
  },
  {
    files: ['shared/zod.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportDeclaration[source.value='zod']", message: 'Bundled code uses zod/mini, not classic zod.' },
        {
          selector: "ImportDeclaration[source.value='zod/mini'] > :matches(ImportSpecifier, ImportDefaultSpecifier)",
          message: "Use `import * as z from 'zod/mini'` (bundle size).",
        },
      ],
    },
  },
);
