import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareCustomer, diceCoefficient, fieldScore, normalise } from '../../src/services/comparison.js';

test('normalise: case, accents, spaces and punctuation', () => {
  const table: [string, string][] = [
    ['M2A 2A2', 'm2a2a2'],
    ['Montréal', 'montreal'],
    ['123 Any St.', '123anyst'],
    ['  O\'Neil-Smith ', 'oneilsmith'],
    ['', ''],
  ];
  for (const [input, expected] of table) assert.equal(normalise(input), expected, input);
});

test('fieldScore: null when a side is empty, 1 when equal after normalising, Dice otherwise', () => {
  const table: [string | undefined, string | undefined, number | null][] = [
    ['', 'Toronto', null],
    ['Toronto', '', null],
    [undefined, 'Toronto', null],
    ['  ', 'x', null],
    ['M2A2A2', 'M2A 2A2', 1],
    ['TORONTO', 'toronto', 1],
    ['Montreal', 'Montréal', 1],
    ['Tom', 'Tommy', 2 / 3], // bigrams to,om vs to,om,mm,my: 2·2/(2+4)
    ['night', 'nacht', 0.25], // ni,ig,gh,ht vs na,ac,ch,ht: 2·1/8
    ['abc', 'xyz', 0],
    ['a', 'b', 0],
  ];
  for (const [a, b, expected] of table) assert.equal(fieldScore(a, b), expected, `${a} / ${b}`);
});

test('diceCoefficient counts repeated bigrams as a multiset', () => {
  assert.equal(diceCoefficient('aaaa', 'aa'), (2 * 1) / (3 + 1));
  assert.equal(diceCoefficient('', ''), 0);
});

test('compareCustomer: the documented key order, dob null, a missing side all null', () => {
  const cardholder = { first_name: 'Tommy', last_name: 'Samson', address_1: '123 Any Street', address_2: '', city: 'Toronto', province: 'ON', postal_code: 'M2A 2A2' };
  const result = compareCustomer({ billing_information: { first_name: 'Tom', last_name: 'Samson', city: 'Toronto', province: 'ON', postal_code: 'M2A2A2', address_1: '123 Any Street', address_2: '' } }, cardholder);
  assert.deepEqual(Object.keys(result), ['shipping_information', 'billing_information']);
  assert.deepEqual(result.billing_information, { province: 1, postal_code: 1, city: 1, address_2: null, address_1: 1, dob: null, last_name: 1, first_name: 2 / 3 });
  assert.deepEqual(Object.values(result.shipping_information), [null, null, null, null, null, null, null, null]);
});
