package com.onecloud.events.consumer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Starts one {@link EventConsumer} for every enabled {@link EventListener} bean when the application starts, and
 * stops them when it stops. Listeners find their consumer's state here by subscription name.
 */
@ApplicationScoped
public class EventConsumers {

    private final List<EventListener> listeners;
    private final Map<String, Object> kafka;
    private final ObjectMapper json;
    private final Map<String, EventConsumer> running = new ConcurrentHashMap<>();

    EventConsumers(@All List<EventListener> listeners, @Identifier("default-kafka-broker") Map<String, Object> kafka,
            ObjectMapper json) {
        this.listeners = listeners;
        this.kafka = kafka;
        this.json = json;
    }

    void start(@Observes StartupEvent startup) {
        EventDecoder decoder = new EventDecoder(json);
        for (EventListener listener : listeners) {
            if (listener.enabled()) {
                EventConsumer consumer = new EventConsumer(listener, kafka, decoder);
                if (running.putIfAbsent(listener.subscription().name(), consumer) != null) {
                    throw new IllegalStateException("Two event listeners are named " + listener.subscription().name());
                }
                consumer.start();
            }
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running.values().forEach(EventConsumer::stop);
    }

    /** The consumer of the listener whose subscription has this name; null while not started or when disabled. */
    public EventConsumer get(String subscriptionName) {
        return running.get(subscriptionName);
    }
}
