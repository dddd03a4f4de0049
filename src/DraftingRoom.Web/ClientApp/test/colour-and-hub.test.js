import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { contrastRatio, parseColour, participantColours } from '../src/colour.js';
import { foreverRetryPolicy, isTemporaryRefusal, readHubError } from '../src/hub-connection.js';
import { forAll } from '../test-support/random.js';

describe('participant colours', () => {
  it('reads hex and rgb colours', () => {
    assert.deepEqual(parseColour('#0af'), { r: 0, g: 170, b: 255 });
    assert.deepEqual(parseColour('#1F77B4'), { r: 31, g: 119, b: 180 });
    assert.deepEqual(parseColour('rgb(10, 20, 30)'), { r: 10, g: 20, b: 30 });
    assert.equal(parseColour('red; background: url(x)'), null);
    assert.equal(parseColour(null), null);
  });

  it('puts dark text on light colours and white text on dark ones', () => {
    assert.equal(participantColours('#ffeb3b', 'a').labelText, '#000000');
    assert.equal(participantColours('#0d47a1', 'a').labelText, '#ffffff');
  });

  it('keeps label text readable (4.5:1) and carets visible (3:1) for any colour', () => {
    forAll(2000, (random) => {
      const colour = '#' + random.int(0x1000000).toString(16).padStart(6, '0');
      const c = participantColours(colour, 'x');
      assert.ok(contrastRatio(parseColour(c.label), parseColour(c.labelText)) >= 4.5, `${colour} label`);
      assert.ok(contrastRatio(parseColour(c.caret), { r: 255, g: 255, b: 255 }) >= 3, `${colour} caret`);
    });
  });

  it('falls back to a palette colour for an unreadable one', () => {
    const c = participantColours('not a colour', 'connection-1');
    assert.match(c.label, /^#[0-9a-f]{6}$/);
    assert.equal(participantColours(undefined, 'connection-1').label, c.label);
  });
});

describe('hub connection', () => {
  it('retries for ever: 0, 0.5, 1, 2, then every 5 seconds', () => {
    const policy = foreverRetryPolicy(() => 0.5);
    const delays = [0, 1, 2, 3, 4, 5, 50, 5000].map((n) => policy.nextRetryDelayInMilliseconds({ previousRetryCount: n }));
    assert.deepEqual(delays, [0, 500, 1000, 2000, 5000, 5000, 5000, 5000]);
  });

  it('tells a refusal from a lost connection and reads its message', () => {
    assert.deepEqual(
      readHubError(new Error("An unexpected error occurred invoking 'SubmitOperation' on the server. HubException: You may only read this document.")),
      { refused: true, message: 'You may only read this document.' },
    );
    assert.deepEqual(
      readHubError(new Error("An unexpected error occurred invoking 'JoinDocument' on the server.")),
      { refused: true, message: "An unexpected error occurred invoking 'JoinDocument' on the server." },
    );
    assert.equal(readHubError(new Error('Invocation canceled due to the underlying connection being closed.')).refused, false);
  });

  it('tells a refusal for the moment from a final one', () => {
    assert.ok(isTemporaryRefusal('Too many changes too fast: this change was not saved. Slow down and it will be sent again.'));
    assert.ok(isTemporaryRefusal('The change could not be saved just now; it will be sent again.'));
    assert.ok(!isTemporaryRefusal('You may watch this proposal but not edit it.'));
    assert.ok(!isTemporaryRefusal('The change is malformed: it splits a surrogate pair.'));
  });
});
