import { type ComponentType, createElement, lazy } from 'react';

/** A lazily loaded component whose chunk can be fetched ahead of its first render. */
export type Preloadable<P extends object> = ComponentType<P> & {
  /** Fetches (once) and evaluates the chunk; resolves to the component. */
  preload(): Promise<ComponentType<P>>;
};

/**
 * React.lazy for a named export, so the module is its own chunk, plus `preload()`. Once the chunk
 * is in, the component renders at once: React.lazy alone suspends on its first render even then,
 * and React 19 then holds the Suspense boundary's content back for up to 300 ms.
 */
export function lazyNamed<P extends object, K extends string>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    loading ??= load().then(
      (module) => {
        loaded = module[name];
        return loaded;
      },
      (error: unknown) => {
        loading = undefined; // a later preload may try again
        throw error;
      },
    );
    return loading;
  };
  // `loaded` is set before this resolves, so the lazy fallback never mounts once the chunk is in.
  const Lazy = lazy(async () => ({ default: await preload() }));
  function LazyNamed(props: P) {
    return createElement(loaded ?? Lazy, props);
  }
  LazyNamed.displayName = name;
  return Object.assign(LazyNamed, { preload });
}
