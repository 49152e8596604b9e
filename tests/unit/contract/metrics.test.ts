/** The metric → records table of the contract, which server queries and web labels both read. */
import { describe, expect, it } from 'vitest';
import { CHOROPLETH_METRICS, LAYER_COUNT_METRIC, METRIC_INFO, METRIC_LAYER, METRIC_LAYERS } from '#contract';

describe('metric layers', () => {
  it('given every layer, its plain-count metric counts that layer', () => {
    for (const layer of METRIC_LAYERS) expect(METRIC_LAYER[LAYER_COUNT_METRIC[layer]]).toBe(layer);
  });

  it('given the sensitive metrics, they are exactly those computed from tips or outcome events', () => {
    const fromRecordsOfInformants = CHOROPLETH_METRICS.filter((m) => METRIC_LAYER[m] === 'tips' || METRIC_LAYER[m] === 'events');
    expect(CHOROPLETH_METRICS.filter((m) => METRIC_INFO[m].sensitive)).toEqual(fromRecordsOfInformants);
  });
});
