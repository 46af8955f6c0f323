/**
 * The underwriting decision engine: load a rulebook ({@link io.undersign.engine.Rulebooks}), then
 * evaluate cases against it ({@link io.undersign.engine.Engine}). Plain Java with no framework
 * types; evaluation is pure and deterministic.
 */
package io.undersign.engine;
