/** Q-tables as small JSON files and Q-networks as safetensors files, both written atomically. */
package dev.kiln.reinforcement.io;
