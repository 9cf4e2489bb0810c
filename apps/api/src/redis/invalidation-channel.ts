import type { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { closePubSub, pubSubClient } from './pubsub-clients.js';

/** What an owner of memory does with the channel's news. */
export interface InvalidationHandlers {
  /** Another process (or this one) announced a change: drop what it names. */
  message(text: string): void;
  /** The connection went, or came back: messages may have been missed, so drop everything. */
  reset(): void;
}

/**
 * A Redis pub/sub channel on which API processes tell each other to drop what they keep in memory.
 * A message sent while the subscription is down is lost, so memory may be trusted only while it is
 * up (`listen` says so), and everything is dropped when the connection goes and again once the
 * channel is subscribed anew.
 */
export class InvalidationChannel {
  private subscriber?: Redis;
  private publisher?: Redis;
  private live = false;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly logger: Logger,
    private readonly handlers: InvalidationHandlers,
  ) {}

  /** Subscribes on first use; true when the subscription is up, so memory may be trusted. */
  listen(): boolean {
    if (this.subscriber) return this.live;
    const subscriber = pubSubClient(this.url);
    subscriber.on('ready', () => {
      subscriber
        .subscribe(this.channel)
        .then(() => {
          this.handlers.reset();
          this.live = true;
        })
        .catch((error: Error) => this.logger.warn({ event: 'subscribe_failed', error: error.message }));
    });
    subscriber.on('close', () => {
      this.live = false;
      this.handlers.reset();
    });
    subscriber.on('message', (_channel: string, text: string) => this.handlers.message(text));
    this.subscriber = subscriber;
    return false;
  }

  /**
   * Tells every process. A failure is logged, not thrown: the owners' short lifetimes end what other
   * processes keep soon after.
   */
  async announce(text: string): Promise<void> {
    this.publisher ??= pubSubClient(this.url);
    await this.publisher
      .publish(this.channel, text)
      .catch((error: Error) => this.logger.warn({ event: 'announce_failed', error: error.message }));
  }

  close(): Promise<void> {
    return closePubSub(this.subscriber, this.publisher);
  }
}
