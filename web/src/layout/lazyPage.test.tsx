import { render, screen } from '@testing-library/react';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lazyPage } from './lazyPage';

describe('lazyPage (issue 12 item 18: the app split by route)', () => {
  it('shows a spinner until the page module arrives, then the page with its props', async () => {
    let arrive: (module: { GreetingPage: (props: { name: string }) => string }) => void = () => {};
    const Greeting = lazyPage(
      () => new Promise<{ GreetingPage: (props: { name: string }) => string }>((r) => (arrive = r)),
      'GreetingPage',
    );
    const { container } = render(<Greeting name="刘工" />);
    expect(container.querySelector('.ant-spin')).toBeTruthy();
    arrive({ GreetingPage: ({ name }) => `你好，${name}` });
    expect(await screen.findByText('你好，刘工')).toBeTruthy();
  });

  // A page imported eagerly by a routes file lands in the first script again; pages are lazyPage(...) there.
  it('leaves no page imported eagerly by the route files', () => {
    const features = join(__dirname, '..', 'features');
    const files = [
      join(__dirname, '..', 'AppRoutes.tsx'),
      ...readdirSync(features)
        .map((feature) => join(features, feature, 'routes.tsx'))
        .filter((file) => {
          try {
            return readFileSync(file).length > 0;
          } catch {
            return false;
          }
        }),
    ];
    // Shown before the layout (signed out, or an account step the server insists on): part of the first script.
    const shell = new Set(['LoginPage', 'MustChangePasswordPage', 'MustEnrolTwoFactorPage']);
    const eager = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^import \{ ([\w, ]+) \} from '\.[^']*';$/gm)]
        .flatMap((m) => (m[1] ?? '').split(',').map((name) => name.trim()))
        .filter((name) => /^[A-Z]\w*Page$/.test(name) && !shell.has(name))
        .map((name) => `${file.split('/src/')[1]}: ${name}`),
    );
    expect(eager).toEqual([]);
  });
});
