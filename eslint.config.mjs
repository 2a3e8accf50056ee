import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', 'load-reports/**', 'test-output/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // The core is shared by the CLI and the extension: it must never depend on the editor.
    files: ['src/core/**', 'src/cli/**', 'src/k6-runtime/**', 'src/demo-target/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The core never imports vscode; put editor code in src/extension.' }] }] },
  },
);
