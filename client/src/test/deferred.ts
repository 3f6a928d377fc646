/**
 * An answer a fake handler holds back until the test gives it (or refuses it), to see what the
 * screen shows meanwhile: `const move = deferred(); fakeApi({ 'bookings.move': () => move.promise })`.
 */
export function deferred<T = unknown>() {
  let resolve: (value: T) => void = () => {};
  let reject: (error: Error) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
