import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/no-explicit-any': 'off',
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// The domain is pure: rules and calculations only (house style).
		files: ['src/lib/domain/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$app/*', '$env/*', '@sveltejs/kit', '@sveltejs/kit/*'],
							message: 'Domain code must not import the framework.'
						},
						{ group: ['kysely', 'better-sqlite3'], message: 'Domain code must not touch the database.' },
						{ group: ['node:*'], message: 'Domain code must not import Node modules.' },
						{
							group: ['**/server/*', '**/server/**', '$lib/server/*'],
							message: 'Domain imports only domain.'
						}
					]
				}
			],
			'no-restricted-syntax': [
				'error',
				{
					selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
					message: 'Time comes in as an argument.'
				},
				{
					selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
					message: 'Randomness comes in as an argument.'
				}
			]
		}
	},
	{
		// Layering (README, Architecture): the browser never sees server modules, not even their types.
		files: ['src/lib/components/**', 'src/lib/client/**', '**/*.svelte', '**/*.svelte.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/server', '$lib/server/*', '**/lib/server', '**/lib/server/**'],
							message:
								'Components never import $lib/server: take the data as props typed from domain or ./$types.'
						}
					]
				}
			]
		}
	},
	{
		// Layering (README, Architecture): routes read through repositories, but every write goes
		// through a service (which checks, audits and runs the transaction); SQL stays in repositories.
		files: ['src/routes/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/server/**/*.repository', '**/*.repository'],
							importNamePattern: '^(?!(find|list|count|read|get|load|search)[A-Z]|[A-Z])',
							message:
								'Routes may only read from a repository (find/list/count/read...); writes go through a service.'
						},
						{ group: ['kysely', 'better-sqlite3'], message: 'SQL lives in repositories, not in routes.' },
						{
							group: ['$lib/server/sheets/import/*', '**/sheets/import/*'],
							message:
								'The score import is for the command line: its reading thread is loaded from source (sheets/import/score-file-check.ts).'
						}
					]
				}
			]
		}
	},
	{
		ignores: ['build/', '.svelte-kit/', 'node_modules/', 'src/lib/paraglide/', 'data/', 'tests/bench/out/']
	}
);
