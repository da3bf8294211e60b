/** Policy-gradient agents on Kiln tensors: REINFORCE with a running-mean baseline and an entropy bonus. */
package dev.kiln.reinforcement.pg;
