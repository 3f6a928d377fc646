import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '../../../test/render';
import { FormHost } from '../test-fixtures';
import { addRequest, RequestsStep } from './RequestsStep';

describe('RequestsStep', () => {
  it('adds frequent requests with one click, once each, and counts the characters', () => {
    render(<FormHost>{(form) => <RequestsStep form={form} />}</FormHost>);
    const text = screen.getByLabelText('Special requests (optional)') as HTMLTextAreaElement;
    fireEvent.change(text, { target: { value: 'Quiet please' } });
    fireEvent.click(screen.getByRole('button', { name: 'Birthday' }));
    fireEvent.click(screen.getByRole('button', { name: 'Birthday' }));
    fireEvent.click(screen.getByRole('button', { name: 'High chair' }));
    expect(text.value).toBe('Quiet please\nBirthday\nHigh chair');
    expect(screen.getByText(`${text.value.length} / 1000`)).toBeTruthy();
  });

  it('appends to the text', () => {
    expect(addRequest('', 'Birthday')).toBe('Birthday');
    expect(addRequest('Vegan  ', 'Allergy: ')).toBe('Vegan\nAllergy: ');
    expect(addRequest('birthday cake', 'Birthday')).toBe('birthday cake');
  });
});
