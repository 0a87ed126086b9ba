package dev.zendo.system

import org.spockframework.runtime.extension.IGlobalExtension

/** Stops the stack the specs of this module share ({@link LocalStack#shared}) once every spec has run. */
class SharedStackExtension implements IGlobalExtension {

    @Override
    void stop() {
        LocalStack.stopShared()
    }
}
