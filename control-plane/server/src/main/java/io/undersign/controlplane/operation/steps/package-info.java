/** Binds each workflow step name to the driver port that does its work. */
package io.undersign.controlplane.operation.steps;
