package com.onecloud.console.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import com.onecloud.console.api.ApiClient.Service;
import com.onecloud.console.config.ConsoleConfig;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * Relays a collection's subscription (contract §4, "Subscriptions") from ticket- or resource-service to a page, with
 * the signed-in credential. The page learns only that its list changed (the event's name), never the item: it reads
 * the list again through the console, as a reload would. The relay ends with {@link LiveSignal#UNAUTHORIZED} when the
 * API refuses or cuts the credential, with {@link LiveSignal#UNAVAILABLE} when the API cannot be reached, and with
 * {@link LiveSignal#IDLE} at {@code until}, the session's idle sign-out, since a relay is not the person's activity.
 */
@ApplicationScoped
public class LiveRelay {

    private final ConsoleConfig config;
    private final HttpClient http;

    LiveRelay(ConsoleConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.apiTimeout()).build();
    }

    Multi<OutboundSseEvent> relay(Service service, String path, String authorization, Duration until, Sse sse) {
        String base = service == Service.TICKET ? config.ticketUrl() : config.resourceUrl();
        // The timeout bounds the wait for the answer's head only; the stream itself may last.
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(config.apiTimeout())
                .header("Accept", "text/event-stream").header("Authorization", authorization).GET().build();
        return Multi.createFrom().emitter(emitter -> {
            Lines lines = new Lines(emitter, sse);
            CompletableFuture<HttpResponse<Void>> response = http.sendAsync(request, head -> head.statusCode() == 200
                    ? BodySubscribers.fromLineSubscriber(lines) : BodySubscribers.discarding());
            response.whenComplete((answer, failure) -> {
                LiveSignal last = failure != null ? LiveSignal.UNAVAILABLE
                        : answer.statusCode() == 401 ? LiveSignal.UNAUTHORIZED
                        : answer.statusCode() == 200 ? null : LiveSignal.UNAVAILABLE;
                if (last != null) {
                    emitter.emit(last.event(sse));
                }
                emitter.complete();
            });
            ScheduledFuture<?> idle = Infrastructure.getDefaultWorkerPool().schedule(() -> {
                emitter.emit(LiveSignal.IDLE.event(sse));
                emitter.complete();
            }, until.toMillis(), TimeUnit.MILLISECONDS);
            emitter.onTermination(() -> {
                idle.cancel(false);
                lines.cancel();
                response.cancel(true);
            });
        });
    }

    /**
     * The upstream stream's lines: an {@code event:} line becomes the same event for the page, a comment (the
     * upstream's heartbeat) a comment, so that the page's connection is kept open as the API's is.
     */
    private static final class Lines implements Flow.Subscriber<String> {

        private final MultiEmitter<? super OutboundSseEvent> emitter;
        private final Sse sse;
        private volatile Flow.Subscription subscription;
        private volatile boolean cancelled;

        Lines(MultiEmitter<? super OutboundSseEvent> emitter, Sse sse) {
            this.emitter = emitter;
            this.sse = sse;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (cancelled) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("event:")) {
                String name = line.substring("event:".length()).trim();
                emitter.emit(LiveSignal.UNAUTHORIZED.wireName().equals(name) ? LiveSignal.UNAUTHORIZED.event(sse)
                        : sse.newEventBuilder().name(name).data(name).build());
            } else if (line.startsWith(":")) {
                emitter.emit(sse.newEventBuilder().comment("heartbeat").build());
            }
        }

        @Override
        public void onError(Throwable failure) {
            // The completion of the exchange reports it.
        }

        @Override
        public void onComplete() {
            // The completion of the exchange reports it.
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
