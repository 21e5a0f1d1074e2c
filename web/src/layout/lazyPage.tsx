import { Flex, Spin } from 'antd';
import { type ComponentType, createElement, lazy, type ReactNode, Suspense } from 'react';

type PageComponent = (props: never) => ReactNode;
type PropsOf<Page> = Page extends (props: infer Props) => ReactNode ? Props : never;

/**
 * Issue 12 item 18: a page loaded when its route is first opened, so the app's first script carries only the shell
 * (login, layout, menu) and each feature arrives as its own chunk. The spinner shows while the chunk loads.
 * `load` imports the page's module, `name` is its named export.
 */
export function lazyPage<Module extends Record<Name, PageComponent>, Name extends keyof Module & string>(
  load: () => Promise<Module>,
  name: Name,
): ComponentType<PropsOf<Module[Name]>> {
  const Page = lazy(async () => ({ default: (await load())[name] as unknown as ComponentType<object> }));
  function LazyPage(props: PropsOf<Module[Name]>) {
    return (
      <Suspense
        fallback={
          <Flex align="center" justify="center" style={{ minHeight: 240 }}>
            <Spin size="large" />
          </Flex>
        }
      >
        {createElement(Page, props as object)}
      </Suspense>
    );
  }
  LazyPage.displayName = `lazyPage(${name})`;
  return LazyPage;
}
