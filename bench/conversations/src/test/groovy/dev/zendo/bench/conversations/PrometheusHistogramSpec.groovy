package dev.zendo.bench.conversations

import spock.lang.Specification

/** Quantiles of what a Prometheus histogram recorded between two scrapes, as PromQL's histogram_quantile computes them. */
class PrometheusHistogramSpec extends Specification {

    static final String BEFORE = '''\
# HELP zendo_outbox_lag_seconds From an outbox row's insert to Kafka's acknowledgement
# TYPE zendo_outbox_lag_seconds histogram
zendo_outbox_lag_seconds_bucket{le="0.001",} 10.0
zendo_outbox_lag_seconds_bucket{le="0.005",} 10.0
zendo_outbox_lag_seconds_bucket{le="0.01",} 10.0
zendo_outbox_lag_seconds_bucket{le="0.02",} 10.0
zendo_outbox_lag_seconds_bucket{le="+Inf",} 10.0
zendo_outbox_lag_seconds_count 10.0
zendo_outbox_lag_seconds_sum 0.005
zendo_outbox_published_total 10.0
'''
    static final String AFTER = '''\
zendo_outbox_lag_seconds_bucket{le="0.001"} 10
zendo_outbox_lag_seconds_bucket{le="0.005"} 60
zendo_outbox_lag_seconds_bucket{le="0.01"} 108
zendo_outbox_lag_seconds_bucket{le="0.02"} 109
zendo_outbox_lag_seconds_bucket{le="+Inf"} 110
zendo_outbox_lag_seconds_count 110
'''

    def 'the quantiles of the values recorded between two scrapes are interpolated within their bucket'() {
        given:
        def lag = PrometheusHistogram.parse(AFTER, 'zendo_outbox_lag_seconds').since(PrometheusHistogram.parse(BEFORE, 'zendo_outbox_lag_seconds'))

        expect:
        lag.count() == 100
        Math.abs(lag.quantileMillis(q) - millis) < 1e-9

        where:
        q     | millis
        0.25  | 3.0
        0.5   | 5.0
        0.98  | 10.0
        0.99  | 20.0
        1.0   | 20.0
    }

    def 'the share of values within a bucket bound is known, and any other bound is not'() {
        given:
        def lag = PrometheusHistogram.parse(AFTER, 'zendo_outbox_lag_seconds')

        expect:
        lag.shareAtMostMillis(10) == 108d / 110
        Double.isNaN(lag.shareAtMostMillis(7))
    }

    def 'a histogram that is not in the exposition, or recorded nothing, has no quantiles'() {
        expect:
        PrometheusHistogram.parse(exposition, 'zendo_outbox_lag_seconds').count() == 0
        Double.isNaN(PrometheusHistogram.parse(exposition, 'zendo_outbox_lag_seconds').quantileMillis(0.99))

        where:
        exposition << ['', 'zendo_outbox_published_total 3.0\n', 'zendo_outbox_lag_seconds_bucket{le="0.01"} 0\nzendo_outbox_lag_seconds_bucket{le="+Inf"} 0\n']
    }
}
