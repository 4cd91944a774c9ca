package com.onecloud.subscriptions;

/**
 * One change as subscribers of {@code key} receive it: the SSE event name and its {@code data}, rendered once for all
 * of them.
 */
record Change(StreamKey key, String name, String data) {
}
