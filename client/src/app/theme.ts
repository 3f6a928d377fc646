import { createTheme, InputWrapper, localStorageColorSchemeManager } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    // Labels say exactly what they name ("Name", not "Name *"): required fields keep the
    // `required` attribute (announced by screen readers) and show their error when left empty.
    InputWrapper: InputWrapper.extend({ defaultProps: { withAsterisk: false } }),
  },
});

export const colorSchemeManager = localStorageColorSchemeManager({ key: 'tobeout-color-scheme' });
